//! Roles asserted by other articles, for resolving bare titles across the store.
//!
//! An article that writes "Iranian President Masoud Pezeshkian" asserts that
//! Pezeshkian held the office on its date. Those assertions are kept (the store keeps
//! them with their evidence); a later article's "the Iranian president" that the
//! knowledge base cannot resolve asks a [`RoleMemory`] who was seen holding that title
//! near its date.

use newsgraph_model::{ActorId, Role};

/// A role an article asserted for an actor: the role (title, state, the article's date
/// as `from`/`to`, source `article`) with its evidence (article id and byte span).
#[derive(Debug, Clone, PartialEq)]
pub struct AssertedRole {
    /// The actor holding the role.
    pub actor: ActorId,
    /// The actor's canonical name (for actors the knowledge base does not know).
    pub name: String,
    /// The role, with `source: article` and one evidence item.
    pub role: Role,
}

/// Roles asserted by articles, looked up by title and state.
pub trait RoleMemory {
    /// Roles asserted with this title (compared case-insensitively; the linker asks
    /// with the knowledge base's title of the office in that state, "President") of
    /// this state or organisation (an actor id, `country:IRN`).
    fn asserted(&self, title: &str, of: &str) -> Vec<AssertedRole>;
}

/// An in-memory [`RoleMemory`]: the roles of the articles seen so far in a batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleBook {
    roles: Vec<AssertedRole>,
}

impl RoleBook {
    /// An empty book.
    pub fn new() -> Self {
        RoleBook::default()
    }

    /// Adds roles.
    pub fn extend<'r>(&mut self, roles: impl IntoIterator<Item = &'r AssertedRole>) {
        self.roles.extend(roles.into_iter().cloned());
    }

    /// Every role in the book.
    pub fn roles(&self) -> &[AssertedRole] {
        &self.roles
    }
}

impl RoleMemory for RoleBook {
    fn asserted(&self, title: &str, of: &str) -> Vec<AssertedRole> {
        self.roles
            .iter()
            .filter(|r| {
                r.role.title.eq_ignore_ascii_case(title) && r.role.of.as_deref() == Some(of)
            })
            .cloned()
            .collect()
    }
}

/// A memory that knows nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMemory;

impl RoleMemory for NoMemory {
    fn asserted(&self, _title: &str, _of: &str) -> Vec<AssertedRole> {
        Vec::new()
    }
}
