//! Behaviour of the linker on small articles written for these tests.

use newsgraph_kb::Kb;
use newsgraph_link::{How, Linked, Linker, NameTagger, RoleBook, TaggedName};
use newsgraph_model::{Article, DateBounds, Mention, MentionKind, Token};

fn article(body: &str, published: Option<&str>) -> Article {
    Article {
        id: "test".into(),
        body: body.into(),
        published: published.map(str::to_string),
        ..Article::default()
    }
}

fn link_with(linker: &Linker<'_>, a: &Article) -> Linked {
    linker.link(a, &newsgraph_segment::sentences(&a.body))
}

fn link(body: &str, published: Option<&str>) -> Linked {
    link_with(Linker::builtin(), &article(body, published))
}

fn find<'l>(l: &'l Linked, text: &str) -> &'l Mention {
    l.contract_mentions()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {:#?}", l.mentions))
}

#[test]
fn the_us_president_is_the_holder_at_the_article_date() {
    let body = "The US president said on Monday that talks would continue.";
    let in_2022 = link(body, Some("2022-06-01"));
    let m = find(&in_2022, "president");
    assert_eq!(m.kind, MentionKind::Person);
    assert_eq!(m.actor.as_deref(), Some("person:joe-biden"));
    let role = m.role.as_ref().unwrap();
    assert_eq!(
        (role.title.as_str(), role.of.as_deref()),
        ("President", Some("country:USA"))
    );
    let in_2026 = link(body, Some("2026-01-10T09:00:00Z"));
    assert_eq!(
        find(&in_2026, "president").actor.as_deref(),
        Some("person:donald-trump")
    );
    // The state modifier is its own mention.
    assert_eq!(find(&in_2026, "US").actor.as_deref(), Some("country:USA"));
}

#[test]
fn undated_titles_keep_their_candidates_unless_bounds_decide() {
    let body = "The US president said on Monday that talks would continue.";
    let undated = link(body, None);
    let m = find(&undated, "president");
    assert_eq!(m.actor, None);
    assert!(m.candidates.len() > 1, "{:?}", m.candidates);
    assert!(m
        .candidates
        .iter()
        .any(|c| c.actor == "person:donald-trump"));
    let mut a = article(body, None);
    a.published_bounds = Some(DateBounds {
        from: Some("2022-03-01".into()),
        to: Some("2022-04-30".into()),
        reasons: vec![],
    });
    let bounded = link_with(Linker::builtin(), &a);
    assert_eq!(
        find(&bounded, "president").actor.as_deref(),
        Some("person:joe-biden")
    );
}

#[test]
fn title_and_name_make_one_person_mention_with_an_asserted_role() {
    let l = link(
        "Israeli Prime Minister Benjamin Netanyahu met envoys. Later, Netanyahu left.",
        Some("2026-01-01"),
    );
    let full = find(&l, "Benjamin Netanyahu");
    assert_eq!(full.actor.as_deref(), Some("person:benjamin-netanyahu"));
    let role = full.role.as_ref().unwrap();
    assert_eq!(role.title, "Prime Minister");
    assert_eq!(role.of.as_deref(), Some("country:ISR"));
    assert_eq!(find(&l, "Israeli").kind, MentionKind::Norp);
    assert_eq!(find(&l, "Israeli").actor.as_deref(), Some("country:ISR"));
    assert_eq!(
        find(&l, "Netanyahu").actor.as_deref(),
        Some("person:benjamin-netanyahu")
    );
    assert_eq!(l.roles.len(), 1);
    let ev = &l.roles[0].role.evidence[0];
    assert_eq!((ev.start, ev.end), (0, 41));
    assert_eq!(l.roles[0].role.from.as_deref(), Some("2026-01-01"));
}

#[test]
fn capitals_are_governments_only_as_subjects() {
    let l = link(
        "Tehran said it would respond. Diplomats met in Tehran on Friday.",
        Some("2026-01-01"),
    );
    let ms: Vec<&Mention> = l
        .contract_mentions()
        .filter(|m| m.text == "Tehran")
        .collect();
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[0].actor.as_deref(), Some("country:IRN"));
    assert_eq!(ms[1].actor.as_deref(), Some("city:tehran"));
}

#[test]
fn demonyms_holder_phrases_and_government_bodies() {
    let l = link(
        "Israeli strikes hit the port. Netanyahu's office declined to comment, while the White House said nothing. A U.S. official confirmed it.",
        Some("2026-01-01"),
    );
    let israeli = find(&l, "Israeli");
    assert_eq!(
        (israeli.kind, israeli.actor.as_deref()),
        (MentionKind::Norp, Some("country:ISR"))
    );
    let office = find(&l, "office");
    assert_eq!(office.kind, MentionKind::Org);
    assert_eq!(office.actor.as_deref(), Some("org:israel-pmo"));
    let wh = find(&l, "White House");
    assert_eq!(wh.actor.as_deref(), Some("org:white-house"));
    let official = find(&l, "official");
    assert_eq!(official.actor, None);
    let role = official.role.as_ref().unwrap();
    assert_eq!(
        (role.title.as_str(), role.of.as_deref()),
        ("official", Some("country:USA"))
    );
}

#[test]
fn list_context_picks_the_nuclear_site() {
    let l = link(
        "Bombers struck three nuclear sites: Fordow, Natanz, and Isfahan.",
        Some("2025-06-22"),
    );
    assert_eq!(
        find(&l, "Isfahan").actor.as_deref(),
        Some("place:isfahan-ucf")
    );
    assert_eq!(find(&l, "Isfahan").kind, MentionKind::Fac);
}

/// A tagger that tags the given names as persons wherever they occur.
struct Names(&'static [&'static str]);

impl NameTagger for Names {
    fn names(&self, text: &str, _sentences: &[&[Token]]) -> Vec<TaggedName> {
        let mut out = Vec::new();
        for n in self.0 {
            for (start, _) in text.match_indices(n) {
                out.push(TaggedName {
                    start,
                    end: start + n.len(),
                    kind: MentionKind::Person,
                    score: 0.9,
                });
            }
        }
        out.sort_by_key(|t| t.start);
        out
    }
}

const FREEDONIA: &str = "# Source: invented for a test\n\
office president | President\n\
country FRE FX | Freedonia | - | Freedonian | Freedonia City\n";

#[test]
fn roles_asserted_by_articles_resolve_later_bare_titles() {
    let kb = Kb::from_sources(&[("test.kb", FREEDONIA)]).unwrap();
    let tagger = Names(&["Rufus Firefly", "Firefly"]);
    let linker = Linker::new(&kb, Some(&tagger));
    let first = link_with(
        &linker,
        &article(
            "Freedonian President Rufus Firefly declared war. Later the Freedonian president relented.",
            Some("2030-05-01"),
        ),
    );
    let name = find(&first, "Rufus Firefly");
    assert_eq!(name.actor.as_deref(), Some("person:rufus-firefly"));
    assert_eq!(first.roles.len(), 1);
    // Within the article: the title resolves from the role the article asserts.
    let later = first
        .mentions
        .iter()
        .find(|m| m.mention.text == "president")
        .unwrap();
    assert_eq!(later.mention.actor.as_deref(), Some("person:rufus-firefly"));
    assert_eq!(later.how, How::TitleArticle);

    // Another article: unresolved until the roles of the first are known.
    let mut second = link_with(
        &linker,
        &article(
            "The Freedonian president warned his neighbours.",
            Some("2030-06-01"),
        ),
    );
    let m = second
        .mentions
        .iter()
        .find(|m| m.mention.text == "president")
        .unwrap();
    assert_eq!(m.mention.actor, None);
    assert!(m.pending.is_some());
    let mut book = RoleBook::new();
    book.extend(&first.roles);
    linker.resolve_pending(&mut second, &book);
    let m = second
        .mentions
        .iter()
        .find(|m| m.mention.text == "president")
        .unwrap();
    assert_eq!(m.mention.actor.as_deref(), Some("person:rufus-firefly"));
    assert_eq!(m.how, How::TitleLearned);
    assert!(second
        .actors
        .iter()
        .any(|a| a.actor.id == "person:rufus-firefly"));

    // Too far from the evidence (more than two years): stays unresolved.
    let mut far = link_with(
        &linker,
        &article(
            "The Freedonian president warned his neighbours.",
            Some("2036-06-01"),
        ),
    );
    linker.resolve_pending(&mut far, &book);
    assert!(far
        .contract_mentions()
        .all(|m| m.actor.is_none() || m.text != "president"));
}

#[test]
fn surnames_join_the_full_name_given_elsewhere() {
    let kb = Kb::from_sources(&[("test.kb", FREEDONIA)]).unwrap();
    let tagger = Names(&["Rufus Firefly", "Firefly"]);
    let linker = Linker::new(&kb, Some(&tagger));
    let l = link_with(
        &linker,
        &article("Firefly spoke first. Then Rufus Firefly left.", None),
    );
    let ids: Vec<_> = l.contract_mentions().map(|m| m.actor.as_deref()).collect();
    assert_eq!(
        ids,
        vec![Some("person:rufus-firefly"), Some("person:rufus-firefly")]
    );
}

#[test]
fn no_panic_on_odd_input() {
    for body in [
        "",
        " ",
        "’s",
        "President",
        "the the the",
        "U.S.\u{a0}official",
        "Tehran's",
    ] {
        let _ = link(body, Some("2026-01-01"));
        let _ = link(body, None);
    }
}
