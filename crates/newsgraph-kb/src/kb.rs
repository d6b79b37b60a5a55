//! The knowledge base: parsing the data files, checking them, and answering queries.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use newsgraph_model::{Actor, MentionKind, Role, RoleSource};

use crate::date::{Day, KbDate};
use crate::error::{KbError, KbWarning};
use crate::matcher::{Automaton, Gazetteer};

/// What sort of thing an entity is (finer than its [`MentionKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityClass {
    /// A sovereign state with an ISO 3166 code (`country` records).
    Country,
    /// A disputed or partially recognised state or territory (`territory` records:
    /// Palestine, Taiwan, Kosovo, Western Sahara…).
    Territory,
    /// A city (`city` records; capitals are cities with `capital_of`).
    City,
    /// An organisation: international, armed, political, media (`org` records).
    Org,
    /// A body of a state's government ("White House", "Kremlin": `gov` records).
    GovBody,
    /// A place that is neither a state nor a city: region, sea, site (`place` records).
    Place,
    /// A group of people: ethnic, religious, political (`group` records: "Kurds").
    Group,
    /// A person (`person` records).
    Person,
}

/// The part of a state a government body stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Branch {
    /// The head of state or government and their office ("White House", "Kremlin").
    Executive,
    /// The parliament ("Knesset", "Congress").
    Legislature,
    /// The armed forces ("IDF").
    Military,
    /// The foreign ministry ("State Department", "Quai d'Orsay").
    ForeignMinistry,
    /// The defence ministry ("Pentagon").
    DefenceMinistry,
    /// An intelligence or security service ("Mossad", "CIA").
    Intelligence,
    /// The courts.
    Judiciary,
    /// Any other body.
    Other,
}

impl Branch {
    fn parse(s: &str) -> Option<Branch> {
        Some(match s {
            "executive" => Branch::Executive,
            "legislature" => Branch::Legislature,
            "military" => Branch::Military,
            "foreign-ministry" => Branch::ForeignMinistry,
            "defence-ministry" => Branch::DefenceMinistry,
            "intelligence" => Branch::Intelligence,
            "judiciary" => Branch::Judiciary,
            "other" => Branch::Other,
            _ => return None,
        })
    }

    /// The name used in the data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Branch::Executive => "executive",
            Branch::Legislature => "legislature",
            Branch::Military => "military",
            Branch::ForeignMinistry => "foreign-ministry",
            Branch::DefenceMinistry => "defence-ministry",
            Branch::Intelligence => "intelligence",
            Branch::Judiciary => "judiciary",
            Branch::Other => "other",
        }
    }
}

/// A thing the knowledge base knows: a state, city, organisation, government body,
/// place, group or person.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable, readable id: `country:ISR`, `city:tehran`, `org:hamas`,
    /// `org:white-house`, `place:fordow`, `group:kurds`, `person:benjamin-netanyahu`.
    pub id: String,
    /// The mention type its names get.
    pub kind: MentionKind,
    /// Finer class.
    pub class: EntityClass,
    /// Canonical name.
    pub name: String,
    /// Other names, abbreviations and transliterations (not the demonyms).
    pub aliases: Vec<String>,
    /// Demonyms of a state ("Israeli", "Israelis").
    pub demonyms: Vec<String>,
    /// ISO 3166 alpha-3 code of its country (a state's own code), when it has one.
    pub country: Option<String>,
    /// ISO 3166 alpha-2 code of a state.
    pub alpha2: Option<String>,
    /// Id of a state's capital city (`city:tehran`).
    pub capital: Option<String>,
    /// For a capital city: the alpha-3 code of the state it is the capital of.
    pub capital_of: Option<String>,
    /// For a government body: the part of the state it stands for.
    pub branch: Option<Branch>,
    /// For an organisation: its type as written in the data (`intl`, `un`, `armed`,
    /// `media`, `party`, `company`, …).
    pub org_type: Option<String>,
    /// Where it is defined (`file:line`).
    pub defined_at: String,
}

/// Persons are entities of class [`EntityClass::Person`].
pub type Person = Entity;

impl Entity {
    /// The canonical name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether it is a state (a country or territory).
    pub fn is_state(&self) -> bool {
        matches!(self.class, EntityClass::Country | EntityClass::Territory)
    }
}

/// A title an office has in one state or organisation only ("Secretary of State" is
/// the foreign minister of the United States).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalTitle {
    /// The state or organisation (entity id).
    pub of: String,
    /// The title.
    pub title: String,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// An office: a role a person holds in a state or organisation for a term.
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    /// Id (`prime-minister`, `foreign-minister`).
    pub id: String,
    /// Generic title ("Prime Minister").
    pub title: String,
    /// Generic aliases ("PM", "premier").
    pub aliases: Vec<String>,
    /// Titles the office has in particular states or organisations.
    pub local: Vec<LocalTitle>,
}

impl Office {
    /// The title the office has in `of` (an entity id): its local title, else the
    /// generic one.
    pub fn title_in(&self, of: &str) -> &str {
        self.local
            .iter()
            .find(|l| l.of == of)
            .map_or(self.title.as_str(), |l| l.title.as_str())
    }
}

/// One person's term in one office of one state or organisation.
///
/// The term covers the days `from ..= to` with `to` exclusive when exact (on a
/// handover day the successor holds the office); a date known only to the month or
/// year covers its whole month or year, so uncertain handovers give both holders.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The person (entity id).
    pub person: String,
    /// The office id.
    pub office: String,
    /// The state or organisation (entity id).
    pub of: String,
    /// The title to show ("Secretary of State", "Queen").
    pub title: String,
    /// First day (as precise as known).
    pub from: KbDate,
    /// End, or `None` while in office.
    pub to: Option<KbDate>,
    /// Where it is defined (`file:line`).
    pub defined_at: String,
}

impl Term {
    /// Whether the person held the office on `day` (see the type's rules).
    pub fn covers(&self, day: Day) -> bool {
        if day < self.from.earliest() {
            return false;
        }
        match self.to {
            None => true,
            Some(KbDate::Day(end)) => day < end,
            Some(to) => day <= to.latest(),
        }
    }

    /// The term as a [`newsgraph_model::Role`] with source `kb`.
    pub fn to_role(&self) -> Role {
        Role {
            title: self.title.clone(),
            of: Some(self.of.clone()),
            from: Some(self.from.to_string()),
            to: self.to.map(|d| d.to_string()),
            source: Some(RoleSource::Kb),
            evidence: Vec::new(),
        }
    }
}

/// Counts of what a knowledge base holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KbStats {
    /// Countries (ISO 3166 states).
    pub countries: usize,
    /// Territories and partially recognised states.
    pub territories: usize,
    /// Cities.
    pub cities: usize,
    /// Organisations.
    pub orgs: usize,
    /// Government bodies.
    pub gov_bodies: usize,
    /// Places (regions, seas, sites).
    pub places: usize,
    /// Groups.
    pub groups: usize,
    /// Persons.
    pub persons: usize,
    /// Offices.
    pub offices: usize,
    /// Terms of office.
    pub terms: usize,
    /// Names of all kinds (canonical names, aliases, demonyms, titles).
    pub names: usize,
}

/// The built-in data files, embedded at compile time.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("builtin:offices.kb", include_str!("../data/offices.kb")),
    ("builtin:countries.kb", include_str!("../data/countries.kb")),
    ("builtin:cities.kb", include_str!("../data/cities.kb")),
    ("builtin:orgs.kb", include_str!("../data/orgs.kb")),
    ("builtin:gov.kb", include_str!("../data/gov.kb")),
    ("builtin:places.kb", include_str!("../data/places.kb")),
    ("builtin:groups.kb", include_str!("../data/groups.kb")),
    ("builtin:people.kb", include_str!("../data/people.kb")),
];

/// A loaded knowledge base. Immutable once built; `Send + Sync`; queries are
/// hash-map lookups; the gazetteer automaton is built on first use.
#[derive(Debug)]
pub struct Kb {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    by_alpha2: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    offices: Vec<Office>,
    office_by_id: HashMap<String, usize>,
    /// normalised title → (office index, the state of a local title)
    office_by_key: HashMap<String, Vec<(usize, Option<String>)>>,
    terms: Vec<Term>,
    terms_by_person: HashMap<String, Vec<usize>>,
    terms_by_office: HashMap<(String, String), Vec<usize>>,
    warnings: Vec<KbWarning>,
    gazetteer: OnceLock<Automaton>,
}

/// Normalised lookup key of a name: lowercase, dots dropped, curly apostrophes and
/// hyphens folded, white space collapsed ("U.S." → "us", "al-Qaeda" → "al qaeda").
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        match c {
            '.' => {}
            '’' | '\u{2bc}' | '‘' | '`' => out.push('\''),
            '-' | '‐' | '‑' | '–' | '_' => space = true,
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

static BUILTIN: OnceLock<Kb> = OnceLock::new();

impl Kb {
    /// The built-in knowledge base (parsed once, on first use). It is checked by the
    /// tests; should it ever fail to load, this returns an empty knowledge base whose
    /// [`Kb::warnings`] carry the error rather than panicking.
    pub fn builtin() -> &'static Kb {
        BUILTIN.get_or_init(|| match Kb::from_sources(BUILTIN_FILES) {
            Ok(kb) => kb,
            Err(e) => {
                let mut kb = Kb::empty();
                kb.warnings.push(KbWarning {
                    file: "builtin".into(),
                    line: 0,
                    other: String::new(),
                    office: String::new(),
                    of: String::new(),
                    message: format!("built-in knowledge base failed to load: {e}"),
                });
                kb
            }
        })
    }

    fn empty() -> Kb {
        Kb {
            entities: Vec::new(),
            by_id: HashMap::new(),
            by_alpha2: HashMap::new(),
            by_key: HashMap::new(),
            offices: Vec::new(),
            office_by_id: HashMap::new(),
            office_by_key: HashMap::new(),
            terms: Vec::new(),
            terms_by_person: HashMap::new(),
            terms_by_office: HashMap::new(),
            warnings: Vec::new(),
            gazetteer: OnceLock::new(),
        }
    }

    /// The built-in data plus the user's `files` (in order; later files may refer to
    /// anything defined earlier or in the built-in data). Overlapping terms are
    /// warnings ([`Kb::warnings`]).
    pub fn load<P: AsRef<Path>>(files: &[P]) -> Result<Kb, KbError> {
        let mut owned = Vec::with_capacity(files.len());
        for f in files {
            let p = f.as_ref();
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p).map_err(|source| KbError::Io {
                file: name.clone(),
                source,
            })?;
            owned.push((name, text));
        }
        let mut sources: Vec<(&str, &str)> = BUILTIN_FILES.to_vec();
        sources.extend(owned.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        Kb::from_sources(&sources)
    }

    /// Like [`Kb::load`], but an overlap of terms is an error.
    pub fn load_strict<P: AsRef<Path>>(files: &[P]) -> Result<Kb, KbError> {
        let mut kb = Kb::load(files)?;
        if !kb.warnings.is_empty() {
            return Err(KbError::Overlap(Box::new(kb.warnings.swap_remove(0))));
        }
        Ok(kb)
    }

    /// A knowledge base from `(file name, text)` pairs only (no built-in data).
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Kb, KbError> {
        let mut b = Builder::default();
        for (file, text) in sources {
            b.parse_file(file, text)?;
        }
        b.finish()
    }

    /// Every entity, in definition order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Every office.
    pub fn offices(&self) -> &[Office] {
        &self.offices
    }

    /// Every term of office.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Overlapping terms found while loading (and, for a built-in data failure, the
    /// error).
    pub fn warnings(&self) -> &[KbWarning] {
        &self.warnings
    }

    /// Counts of what the knowledge base holds.
    pub fn stats(&self) -> KbStats {
        let mut s = KbStats {
            offices: self.offices.len(),
            terms: self.terms.len(),
            ..KbStats::default()
        };
        for e in &self.entities {
            match e.class {
                EntityClass::Country => s.countries += 1,
                EntityClass::Territory => s.territories += 1,
                EntityClass::City => s.cities += 1,
                EntityClass::Org => s.orgs += 1,
                EntityClass::GovBody => s.gov_bodies += 1,
                EntityClass::Place => s.places += 1,
                EntityClass::Group => s.groups += 1,
                EntityClass::Person => s.persons += 1,
            }
            s.names += 1 + e.aliases.len() + e.demonyms.len();
        }
        for o in &self.offices {
            s.names += 1 + o.aliases.len();
            for l in &o.local {
                s.names += 1 + l.aliases.len();
            }
        }
        s
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    pub(crate) fn entity_at(&self, i: usize) -> &Entity {
        &self.entities[i]
    }

    pub(crate) fn entity_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Entities one of whose names, aliases or demonyms is `name` (compared by
    /// [`name_key`]: case, dots, hyphens and apostrophe shapes do not matter).
    pub fn lookup(&self, name: &str) -> Vec<&Entity> {
        self.by_key
            .get(&name_key(name))
            .map(|v| v.iter().map(|&i| &self.entities[i]).collect())
            .unwrap_or_default()
    }

    /// A state or organisation from an alpha-3 code ("USA"), an alpha-2 code ("US"),
    /// an entity id ("country:USA", "org:nato"), or a name, alias or demonym
    /// ("United States", "U.S.", "Israeli").
    pub fn state(&self, s: &str) -> Option<&Entity> {
        let s = s.trim();
        if let Some(e) = self.entity(s) {
            return Some(e);
        }
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(e) = self.entity(&format!("country:{s}")) {
                return Some(e);
            }
        }
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(&i) = self.by_alpha2.get(s) {
                return Some(&self.entities[i]);
            }
        }
        let found = self.lookup(s);
        found
            .iter()
            .find(|e| e.is_state())
            .or_else(|| found.iter().find(|e| e.class == EntityClass::Org))
            .copied()
    }

    /// The office with this id, or named by this title in `of` (a state or
    /// organisation as [`Kb::state`] takes it) or generically: "Prime Minister", "PM",
    /// "Secretary of State" (with `of` = "USA"), "foreign-minister".
    pub fn office(&self, title: &str, of: Option<&str>) -> Option<&Office> {
        if let Some(&i) = self.office_by_id.get(title) {
            return Some(&self.offices[i]);
        }
        let of_id = of.and_then(|s| self.state(s)).map(|e| e.id.as_str());
        let cands = self.office_by_key.get(&name_key(title))?;
        let local = cands
            .iter()
            .find(|(_, st)| st.is_some() && st.as_deref() == of_id);
        let generic = cands.iter().find(|(_, st)| st.is_none());
        let any_local = if cands.len() == 1 {
            cands.first()
        } else {
            None
        };
        local
            .or(generic)
            .or(any_local)
            .map(|&(i, _)| &self.offices[i])
    }

    pub(crate) fn office_at(&self, i: usize) -> &Office {
        &self.offices[i]
    }

    /// The terms of `office` in `of_state` (both as [`Kb::office`] / [`Kb::state`]
    /// take them) that cover `day`, with their holders; more than one when the data
    /// overlap or a handover date is uncertain.
    pub fn holder_terms(
        &self,
        office: &str,
        of_state: &str,
        day: impl Into<Day>,
    ) -> Vec<(&Person, &Term)> {
        let day = day.into();
        let Some(state) = self.state(of_state) else {
            return Vec::new();
        };
        let Some(off) = self.office(office, Some(&state.id)) else {
            return Vec::new();
        };
        let Some(ts) = self
            .terms_by_office
            .get(&(off.id.clone(), state.id.clone()))
        else {
            return Vec::new();
        };
        ts.iter()
            .map(|&t| &self.terms[t])
            .filter(|t| t.covers(day))
            .filter_map(|t| Some((self.entity(&t.person)?, t)))
            .collect()
    }

    /// Who held `office` of `of_state` on `day`: `holders("President", "USA",
    /// 2022-06-01)` is Joe Biden.
    pub fn holders(&self, office: &str, of_state: &str, day: impl Into<Day>) -> Vec<&Person> {
        self.holder_terms(office, of_state, day)
            .into_iter()
            .map(|(p, _)| p)
            .collect()
    }

    /// Every term of a person (by id or name), oldest first.
    pub fn terms_of(&self, person: &str) -> Vec<&Term> {
        let id = match self.entity(person) {
            Some(e) => e.id.clone(),
            None => match self
                .lookup(person)
                .into_iter()
                .find(|e| e.class == EntityClass::Person)
            {
                Some(e) => e.id.clone(),
                None => return Vec::new(),
            },
        };
        self.terms_by_person
            .get(&id)
            .map(|v| v.iter().map(|&t| &self.terms[t]).collect())
            .unwrap_or_default()
    }

    /// The offices a person (by id or name) held on `day`.
    pub fn roles_of(&self, person: &str, day: impl Into<Day>) -> Vec<&Term> {
        let day = day.into();
        self.terms_of(person)
            .into_iter()
            .filter(|t| t.covers(day))
            .collect()
    }

    /// Persons called `name` (full name, surname or alias) with all their terms: what
    /// the time normaliser needs to bound an undated article that names them.
    pub fn holders_by_name(&self, name: &str) -> Vec<(&Person, Vec<&Term>)> {
        self.lookup(name)
            .into_iter()
            .filter(|e| e.class == EntityClass::Person)
            .map(|p| (p, self.terms_of(&p.id)))
            .collect()
    }

    /// The date ranges in which `person` held `office` of `state` (`to` = `None`:
    /// still in office). An article calling them by that title was written in one of
    /// these ranges (or refers back to one).
    pub fn term_constraints(
        &self,
        person: &str,
        office: &str,
        state: &str,
    ) -> Vec<(KbDate, Option<KbDate>)> {
        let Some(st) = self.state(state) else {
            return Vec::new();
        };
        let Some(off) = self.office(office, Some(&st.id)) else {
            return Vec::new();
        };
        self.terms_of(person)
            .into_iter()
            .filter(|t| t.office == off.id && t.of == st.id)
            .map(|t| (t.from, t.to))
            .collect()
    }

    /// An entity as a [`newsgraph_model::Actor`] with its KB roles.
    pub fn to_actor(&self, e: &Entity) -> Actor {
        let mut aliases: Vec<String> = e.aliases.clone();
        aliases.extend(e.demonyms.iter().cloned());
        Actor {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            aliases,
            country: e.country.clone(),
            roles: self
                .terms_of(&e.id)
                .into_iter()
                .map(Term::to_role)
                .collect(),
        }
    }

    /// The gazetteer matcher over every name and title of this knowledge base (built
    /// on first use).
    pub fn gazetteer(&self) -> Gazetteer<'_> {
        Gazetteer::new(self, self.gazetteer.get_or_init(|| Automaton::build(self)))
    }
}

// ---------------------------------------------------------------------------
// Parsing

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    offices: Vec<Office>,
    office_by_id: HashMap<String, usize>,
    office_defined_at: Vec<String>,
    pending_titles: Vec<(Loc, String, String, String, Vec<String>)>,
    pending_terms: Vec<(Loc, PendingTerm)>,
    pending_aliases: Vec<(Loc, String, Vec<String>)>,
    /// entity refs to check: (where, entity id of the ref, what)
    pending_refs: Vec<(Loc, String, &'static str)>,
    pending_capitals: Vec<(Loc, usize, String, Vec<String>)>,
}

#[derive(Clone)]
struct Loc {
    file: String,
    line: usize,
}

impl Loc {
    fn syntax(&self, message: impl Into<String>) -> KbError {
        KbError::Syntax {
            file: self.file.clone(),
            line: self.line,
            message: message.into(),
        }
    }
    fn unknown(&self, what: &'static str, name: &str) -> KbError {
        KbError::UnknownReference {
            file: self.file.clone(),
            line: self.line,
            what,
            name: name.to_string(),
        }
    }
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

struct PendingTerm {
    person: String,
    office: String,
    of: String,
    from: KbDate,
    to: Option<KbDate>,
    title: Option<String>,
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "-")
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn is_code(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A state or organisation reference as written (`ISR`, `org:nato`) → entity id.
fn state_ref(loc: &Loc, s: &str) -> Result<String, KbError> {
    if is_code(s, 3) {
        Ok(format!("country:{s}"))
    } else if s.contains(':') {
        Ok(s.to_string())
    } else {
        Err(loc.syntax(format!(
            "expected an alpha-3 code (ISR) or an entity id (org:nato), found `{s}`"
        )))
    }
}

fn parse_date(loc: &Loc, s: &str) -> Result<KbDate, KbError> {
    KbDate::parse(s)
        .ok_or_else(|| loc.syntax(format!("bad date `{s}` (want YYYY, YYYY-MM or YYYY-MM-DD)")))
}

impl Builder {
    fn add_entity(&mut self, loc: &Loc, e: Entity) -> Result<usize, KbError> {
        if let Some(&i) = self.by_id.get(&e.id) {
            return Err(KbError::Duplicate {
                file: loc.file.clone(),
                line: loc.line,
                id: e.id,
                first: self.entities[i].defined_at.clone(),
            });
        }
        for n in e.names().chain(e.demonyms.iter().map(String::as_str)) {
            if name_key(n).is_empty() {
                return Err(loc.syntax(format!("name `{n}` has no letters")));
            }
        }
        let i = self.entities.len();
        self.by_id.insert(e.id.clone(), i);
        self.entities.push(e);
        Ok(i)
    }

    fn parse_file(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let mut records = 0usize;
        let mut current_person: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let loc = Loc {
                file: file.to_string(),
                line: n + 1,
            };
            let line = match raw.find('#') {
                Some(p) => &raw[..p],
                None => raw,
            };
            if line.trim().is_empty() {
                continue;
            }
            records += 1;
            if line.starts_with([' ', '\t']) {
                let Some(person) = current_person.clone() else {
                    return Err(
                        loc.syntax("an indented line is a term and must follow a `person` record")
                    );
                };
                self.parse_term(&loc, &person, line.trim())?;
                continue;
            }
            current_person = None;
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let mut head = fields[0].split_whitespace();
            let directive = head.next().unwrap_or("");
            let args: Vec<&str> = head.collect();
            let max_fields = match directive {
                "country" | "territory" => 5,
                "city" => 4,
                "org" | "gov" | "place" => 5,
                "group" => 4,
                "person" => 4,
                "office" | "title" => 3,
                "alias" => 2,
                _ => {
                    return Err(loc.syntax(format!(
                        "unknown record type `{directive}` (want country, territory, city, \
                         org, gov, place, group, person, office, title or alias)"
                    )))
                }
            };
            if fields.len() > max_fields {
                return Err(loc.syntax(format!(
                    "`{directive}` takes at most {max_fields} `|`-separated fields, found {}",
                    fields.len()
                )));
            }
            let field = |i: usize| fields.get(i).copied().unwrap_or("");
            let need_name = |i: usize| -> Result<String, KbError> {
                let s = field(i);
                if s.is_empty() {
                    Err(loc.syntax(format!("`{directive}` needs a name in field {}", i + 1)))
                } else {
                    Ok(s.to_string())
                }
            };
            let base = |id: String, kind, class, name: String| Entity {
                id,
                kind,
                class,
                name,
                aliases: list(fields.get(2)),
                demonyms: Vec::new(),
                country: None,
                alpha2: None,
                capital: None,
                capital_of: None,
                branch: None,
                org_type: None,
                defined_at: loc.at(),
            };
            match directive {
                "country" | "territory" => {
                    let [a3, a2] = args[..] else {
                        return Err(loc.syntax(format!(
                            "`{directive}` wants `{directive} ALPHA3 ALPHA2 | name | aliases | \
                             demonyms | capital; aliases`"
                        )));
                    };
                    if !is_code(a3, 3) || !is_code(a2, 2) {
                        return Err(loc.syntax(format!(
                            "bad ISO codes `{a3} {a2}` (want three then two capital letters)"
                        )));
                    }
                    let class = if directive == "country" {
                        EntityClass::Country
                    } else {
                        EntityClass::Territory
                    };
                    let mut e = base(
                        format!("country:{a3}"),
                        MentionKind::Gpe,
                        class,
                        need_name(1)?,
                    );
                    e.country = Some(a3.to_string());
                    e.alpha2 = Some(a2.to_string());
                    e.demonyms = list(fields.get(3));
                    let i = self.add_entity(&loc, e)?;
                    let cap = list(fields.get(4));
                    if !cap.is_empty() {
                        self.pending_capitals
                            .push((loc.clone(), i, a3.to_string(), cap));
                    }
                }
                "city" | "org" | "gov" | "place" | "group" => {
                    let [slug] = args[..] else {
                        return Err(loc.syntax(format!(
                            "`{directive}` wants one id after it: `{directive} some-id | …`"
                        )));
                    };
                    if !is_slug(slug) {
                        return Err(loc.syntax(format!(
                            "bad id `{slug}` (lowercase letters, digits and hyphens)"
                        )));
                    }
                    let (prefix, kind, class) = match directive {
                        "city" => ("city", MentionKind::Gpe, EntityClass::City),
                        "org" => ("org", MentionKind::Org, EntityClass::Org),
                        "gov" => ("org", MentionKind::Org, EntityClass::GovBody),
                        "group" => ("group", MentionKind::Norp, EntityClass::Group),
                        _ => ("place", MentionKind::Loc, EntityClass::Place),
                    };
                    let mut e = base(format!("{prefix}:{slug}"), kind, class, need_name(1)?);
                    let country_field = if directive == "place" { 4 } else { 3 };
                    let c = field(country_field);
                    if !c.is_empty() && c != "-" {
                        if !is_code(c, 3) {
                            return Err(loc.syntax(format!("bad country code `{c}`")));
                        }
                        self.pending_refs
                            .push((loc.clone(), format!("country:{c}"), "state"));
                        e.country = Some(c.to_string());
                    } else if directive == "gov" || directive == "city" {
                        return Err(loc.syntax(format!("`{directive}` needs a country code")));
                    }
                    match directive {
                        "org" => {
                            let t = field(4);
                            if !t.is_empty() {
                                e.org_type = Some(t.to_string());
                            }
                        }
                        "gov" => {
                            let b = field(4);
                            e.branch = Some(Branch::parse(b).ok_or_else(|| {
                                loc.syntax(format!(
                                    "bad branch `{b}` (want executive, legislature, military, \
                                     foreign-ministry, defence-ministry, intelligence, \
                                     judiciary or other)"
                                ))
                            })?);
                        }
                        "place" => {
                            e.kind = match field(3) {
                                "GPE" => MentionKind::Gpe,
                                "LOC" => MentionKind::Loc,
                                "FAC" => MentionKind::Fac,
                                "EVENT" => MentionKind::Event,
                                k => {
                                    return Err(loc.syntax(format!(
                                        "bad place kind `{k}` (want GPE, LOC, FAC or EVENT)"
                                    )))
                                }
                            };
                        }
                        _ => {}
                    }
                    self.add_entity(&loc, e)?;
                }
                "person" => {
                    let [slug] = args[..] else {
                        return Err(loc.syntax("`person` wants one id: `person first-last | …`"));
                    };
                    if !is_slug(slug) {
                        return Err(loc.syntax(format!(
                            "bad id `{slug}` (lowercase letters, digits and hyphens)"
                        )));
                    }
                    let mut e = base(
                        format!("person:{slug}"),
                        MentionKind::Person,
                        EntityClass::Person,
                        need_name(1)?,
                    );
                    e.aliases = list(fields.get(3));
                    let c = field(2);
                    if !c.is_empty() && c != "-" {
                        if !is_code(c, 3) {
                            return Err(loc.syntax(format!("bad country code `{c}`")));
                        }
                        self.pending_refs
                            .push((loc.clone(), format!("country:{c}"), "state"));
                        e.country = Some(c.to_string());
                    }
                    let id = e.id.clone();
                    self.add_entity(&loc, e)?;
                    current_person = Some(id);
                }
                "office" => {
                    let [id] = args[..] else {
                        return Err(loc.syntax("`office` wants one id: `office some-id | Title`"));
                    };
                    if !is_slug(id) {
                        return Err(loc.syntax(format!("bad office id `{id}`")));
                    }
                    if let Some(&i) = self.office_by_id.get(id) {
                        return Err(KbError::Duplicate {
                            file: loc.file.clone(),
                            line: loc.line,
                            id: id.to_string(),
                            first: self.office_defined_at[i].clone(),
                        });
                    }
                    self.office_by_id.insert(id.to_string(), self.offices.len());
                    self.offices.push(Office {
                        id: id.to_string(),
                        title: need_name(1)?,
                        aliases: list(fields.get(2)),
                        local: Vec::new(),
                    });
                    self.office_defined_at.push(loc.at());
                }
                "title" => {
                    let [of, office] = args[..] else {
                        return Err(
                            loc.syntax("`title` wants `title STATE office-id | Title | aliases`")
                        );
                    };
                    let of = state_ref(&loc, of)?;
                    let title = need_name(1)?;
                    let aliases = list(fields.get(2));
                    self.pending_titles
                        .push((loc.clone(), of, office.to_string(), title, aliases));
                }
                "alias" => {
                    let [id] = args[..] else {
                        return Err(loc.syntax("`alias` wants `alias entity-id | names`"));
                    };
                    let names = list(fields.get(1));
                    if names.is_empty() {
                        return Err(loc.syntax("`alias` needs at least one name"));
                    }
                    self.pending_aliases
                        .push((loc.clone(), id.to_string(), names));
                }
                _ => unreachable_directive(&loc)?,
            }
        }
        if records == 0 {
            return Err(KbError::Empty {
                file: file.to_string(),
            });
        }
        Ok(())
    }

    fn parse_term(&mut self, loc: &Loc, person: &str, line: &str) -> Result<(), KbError> {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() < 3 {
            return Err(loc.syntax(
                "a term wants `office-id STATE FROM [TO|-] [display title]`, e.g. \
                 `prime-minister ISR 2009-03-31 2021-06-13`",
            ));
        }
        let of = state_ref(loc, parts[1])?;
        let from = parse_date(loc, parts[2])?;
        let to = match parts.get(3) {
            None | Some(&"-") => None,
            Some(s) => Some(parse_date(loc, s)?),
        };
        if let Some(to) = to {
            if to.latest() < from.earliest() {
                return Err(loc.syntax(format!("term ends ({to}) before it starts ({from})")));
            }
        }
        let title = (parts.len() > 4).then(|| parts[4..].join(" "));
        self.pending_terms.push((
            loc.clone(),
            PendingTerm {
                person: person.to_string(),
                office: parts[0].to_string(),
                of,
                from,
                to,
                title,
            },
        ));
        Ok(())
    }

    fn finish(mut self) -> Result<Kb, KbError> {
        // References to states.
        for (loc, id, what) in &self.pending_refs {
            if !self.by_id.contains_key(id) {
                return Err(loc.unknown(what, id.trim_start_matches("country:")));
            }
        }
        // Capitals: a city entity per capital, created unless a `city` record exists.
        for (loc, i, a3, names) in std::mem::take(&mut self.pending_capitals) {
            let slug = slugify(&names[0]);
            let id = format!("city:{slug}");
            let ci = match self.by_id.get(&id) {
                Some(&ci) => ci,
                None => self.add_entity(
                    &loc,
                    Entity {
                        id: id.clone(),
                        kind: MentionKind::Gpe,
                        class: EntityClass::City,
                        name: names[0].clone(),
                        aliases: names[1..].to_vec(),
                        demonyms: Vec::new(),
                        country: Some(a3.clone()),
                        alpha2: None,
                        capital: None,
                        capital_of: None,
                        branch: None,
                        org_type: None,
                        defined_at: loc.at(),
                    },
                )?,
            };
            self.entities[ci].capital_of = Some(a3);
            for a in &names[1..] {
                if !self.entities[ci].aliases.contains(a) {
                    self.entities[ci].aliases.push(a.clone());
                }
            }
            self.entities[i].capital = Some(id);
        }
        // Extra aliases.
        for (loc, id, names) in std::mem::take(&mut self.pending_aliases) {
            let Some(&i) = self.by_id.get(&id) else {
                return Err(loc.unknown("entity", &id));
            };
            for n in names {
                if name_key(&n).is_empty() {
                    return Err(loc.syntax(format!("name `{n}` has no letters")));
                }
                if !self.entities[i].aliases.contains(&n) {
                    self.entities[i].aliases.push(n);
                }
            }
        }
        // Local titles.
        for (loc, of, office, title, aliases) in std::mem::take(&mut self.pending_titles) {
            if !self.by_id.contains_key(&of) {
                return Err(loc.unknown("state", &of));
            }
            let Some(&oi) = self.office_by_id.get(&office) else {
                return Err(loc.unknown("office", &office));
            };
            self.offices[oi]
                .local
                .push(LocalTitle { of, title, aliases });
        }
        // Terms.
        let mut terms = Vec::with_capacity(self.pending_terms.len());
        for (loc, t) in std::mem::take(&mut self.pending_terms) {
            let Some(&oi) = self.office_by_id.get(&t.office) else {
                return Err(loc.unknown("office", &t.office));
            };
            let Some(&si) = self.by_id.get(&t.of) else {
                return Err(loc.unknown("state", t.of.trim_start_matches("country:")));
            };
            if !matches!(
                self.entities[si].class,
                EntityClass::Country | EntityClass::Territory | EntityClass::Org
            ) {
                return Err(loc.syntax(format!(
                    "`{}` is not a state or organisation and has no offices",
                    t.of
                )));
            }
            let title = t
                .title
                .unwrap_or_else(|| self.offices[oi].title_in(&t.of).to_string());
            terms.push(Term {
                person: t.person,
                office: t.office,
                of: t.of,
                title,
                from: t.from,
                to: t.to,
                defined_at: loc.at(),
            });
        }
        let mut kb = Kb::empty();
        let mut terms_by_office: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut terms_by_person: HashMap<String, Vec<usize>> = HashMap::new();
        terms.sort_by_key(|t| t.from.earliest());
        for (i, t) in terms.iter().enumerate() {
            terms_by_office
                .entry((t.office.clone(), t.of.clone()))
                .or_default()
                .push(i);
            terms_by_person.entry(t.person.clone()).or_default().push(i);
        }
        // Overlaps: a later term that starts before an earlier one surely ended.
        for ((office, of), idx) in &terms_by_office {
            for (k, &b) in idx.iter().enumerate() {
                for &a in &idx[..k] {
                    let (ta, tb) = (&terms[a], &terms[b]);
                    let a_end = ta.to.map(|d| d.earliest());
                    let overlaps = match a_end {
                        None => true,
                        Some(end) => tb.from.latest() < end,
                    };
                    if overlaps {
                        kb.warnings.push(KbWarning {
                            file: tb
                                .defined_at
                                .rsplit_once(':')
                                .map_or(String::new(), |x| x.0.to_string()),
                            line: tb
                                .defined_at
                                .rsplit_once(':')
                                .and_then(|x| x.1.parse().ok())
                                .unwrap_or(0),
                            other: ta.defined_at.clone(),
                            office: office.clone(),
                            of: of.clone(),
                            message: format!(
                                "term of {} as {office} of {of} from {} overlaps the term of {} \
                                 ({} – {}) at {}",
                                tb.person,
                                tb.from,
                                ta.person,
                                ta.from,
                                ta.to.map_or("open".to_string(), |d| d.to_string()),
                                ta.defined_at
                            ),
                        });
                    }
                }
            }
        }
        kb.warnings
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        // Name index.
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_alpha2 = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            let mut keys: Vec<String> = e
                .names()
                .chain(e.demonyms.iter().map(String::as_str))
                .map(name_key)
                .collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                by_key.entry(k).or_default().push(i);
            }
            if let Some(a2) = &e.alpha2 {
                by_alpha2.insert(a2.clone(), i);
            }
        }
        let mut office_by_key: HashMap<String, Vec<(usize, Option<String>)>> = HashMap::new();
        for (i, o) in self.offices.iter().enumerate() {
            for n in std::iter::once(&o.title).chain(&o.aliases) {
                let v = office_by_key.entry(name_key(n)).or_default();
                if !v.contains(&(i, None)) {
                    v.push((i, None));
                }
            }
            for l in &o.local {
                for n in std::iter::once(&l.title).chain(&l.aliases) {
                    let v = office_by_key.entry(name_key(n)).or_default();
                    let item = (i, Some(l.of.clone()));
                    if !v.contains(&item) {
                        v.push(item);
                    }
                }
            }
        }
        kb.entities = self.entities;
        kb.by_id = self.by_id;
        kb.by_alpha2 = by_alpha2;
        kb.by_key = by_key;
        kb.offices = self.offices;
        kb.office_by_id = self.office_by_id;
        kb.office_by_key = office_by_key;
        kb.terms = terms;
        kb.terms_by_person = terms_by_person;
        kb.terms_by_office = terms_by_office;
        Ok(kb)
    }
}

fn unreachable_directive(loc: &Loc) -> Result<(), KbError> {
    Err(loc.syntax("internal: unhandled record type"))
}

/// A readable id part from a name: "Kyiv" → "kyiv", "Sana'a" → "sanaa",
/// "Abu Dhabi" → "abu-dhabi"; non-ASCII letters are folded where common.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'š' | 'ş' | 'ș' => 's',
            'ž' => 'z',
            'ğ' => 'g',
            'ı' => 'i',
            'ý' => 'y',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' || c == '.' {
        } else {
            dash = true;
        }
    }
    out
}
