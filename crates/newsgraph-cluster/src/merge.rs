//! Event merging: one real-world event, many reports.
//!
//! Each article yields its own events (the *relate* stage). Several articles — or several
//! sentences of one article ("the June strikes", "the 12-day conflict", "struck three
//! major Iranian nuclear sites") — often report the same real-world event. Merging is
//! greedy and online: a new report joins the best compatible merged event of its story,
//! or opens a new one. Compatible means:
//!
//! - the same PLOVER type, and the same *reality class*: things said to have happened
//!   (asserted, reported, denied) never merge with things planned, considered,
//!   threatened or conditional — a threatened second round of strikes is not the first;
//! - times that do not contradict each other (`2025-06` and `2025-06-22` agree; June
//!   and October do not); a report without a time of its own is dated by its article;
//! - actors that do not contradict each other (two different attackers are two
//!   events), compared through [`ActorRoots`] so that "U.S. forces" and "the United
//!   States" count as one side;
//! - and some positive evidence: a shared actor, or a precise shared time when one of
//!   the reports names no actors at all ("the June strikes").
//!
//! The merged event keeps the union of what its reports say, the distinct origins of the
//! reports (the independent sources: an outlet that only relays another outlet's story
//! adds no independent source), and the points on which the reports disagree (places,
//! asserted against denied), which are flagged, never silently resolved.

use std::collections::BTreeSet;

use newsgraph_model::{Event, EventReport, MergedEvent, Modality, PloverType};

/// Maps an actor to the side it acts for, so that a state's forces, government and
/// capital match the state itself ("org:us-military" → "country:USA").
pub trait ActorRoots {
    /// The actor's root, or `None` when it stands for itself.
    fn root(&self, actor: &str) -> Option<String>;
}

/// Every actor stands for itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRoots;

impl ActorRoots for NoRoots {
    fn root(&self, _actor: &str) -> Option<String> {
        None
    }
}

impl<F: Fn(&str) -> Option<String>> ActorRoots for F {
    fn root(&self, actor: &str) -> Option<String> {
        self(actor)
    }
}

/// One event as reported by one article, with what merging needs to know about the
/// article.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The event as extracted.
    pub event: &'a Event,
    /// The outlet that published the article.
    pub outlet: &'a str,
    /// The outlet the article's story originates from (the end of its syndication
    /// chain, or the original of a near duplicate); equals `outlet` for original
    /// reporting.
    pub origin: &'a str,
    /// The article's publication date (ISO-8601), used as the time of reports that
    /// give none.
    pub published: Option<&'a str>,
}

impl Report<'_> {
    /// The report's time: the event's own, else its article's day (weak).
    fn time(&self) -> Option<Time> {
        match &self.event.time {
            Some(t) => Time::parse(&t.value, false),
            None => self.published.and_then(|p| Time::parse(p, true)),
        }
    }

    fn as_evidence(&self) -> EventReport {
        EventReport {
            event: self.event.id.clone(),
            article: self.event.article.clone(),
            start: self.event.start,
            end: self.event.end,
            outlet: self.outlet.to_string(),
            origin: self.origin.to_string(),
            modality: self.event.modality,
            time: self.event.time.as_ref().map(|t| t.value.clone()),
        }
    }
}

/// Whether events of this type have no direction: a meeting of A and B is a meeting of
/// B and A.
fn symmetric(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Consult | PloverType::Cooperate | PloverType::Agree
    )
}

/// Things said to have happened (or denied) against things that may happen.
fn realis(m: Modality) -> bool {
    matches!(
        m,
        Modality::Asserted | Modality::Reported | Modality::Negated
    )
}

/// Which modality a merged event shows: an asserted report makes it asserted; among
/// the things that may happen, a plan outranks a threat, a condition, a possibility.
fn rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 7,
        Modality::Reported => 6,
        Modality::Negated => 5,
        Modality::Planned => 4,
        Modality::Threatened => 3,
        Modality::Conditional => 2,
        Modality::Possible => 1,
    }
}

/// A time value cut into comparable parts: year, then month or week or season, then
/// day. Partial values ("XXXX-02-04") and references ("PAST_REF") carry no parts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Time {
    parts: Vec<String>,
    /// Taken from the article's date, not stated for the event.
    weak: bool,
}

impl Time {
    fn parse(value: &str, weak: bool) -> Option<Time> {
        let date = value.split('T').next().unwrap_or("");
        if date.is_empty() || date.contains('X') || !date.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        let parts: Vec<String> = date.split('-').map(str::to_string).collect();
        if parts[0].len() != 4 || !parts[0].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Time { parts, weak })
    }

    /// Whether two times can be the same moment, and how precisely they agree (number
    /// of numeric parts shared), or `None` when they contradict.
    fn agreement(&self, other: &Time) -> Option<usize> {
        if self.weak && other.weak {
            // Two article dates: reports without a time of their own are the same
            // event only when written within a few days of each other.
            return match (self.days(), other.days()) {
                (Some(a), Some(b)) if (a - b).abs() <= 3 => Some(0),
                (Some(_), Some(_)) => None,
                _ => Some(0),
            };
        }
        if self.weak != other.weak {
            // A stated time against an article date: the article may report something
            // older than itself, so an article date contradicts nothing it precedes.
            let (stated, dated) = if self.weak {
                (other, self)
            } else {
                (self, other)
            };
            return if stated.cmp_prefix(dated) != std::cmp::Ordering::Greater {
                Some(0)
            } else {
                None
            };
        }
        let mut shared = 0;
        for (a, b) in self.parts.iter().zip(&other.parts) {
            let numeric = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
            if !(numeric(a) && numeric(b)) {
                // Week or season against month: cannot tell; not a contradiction.
                return Some(shared);
            }
            if a != b {
                return None;
            }
            shared += 1;
        }
        Some(shared)
    }

    /// Compares the shared numeric prefix of two times.
    fn cmp_prefix(&self, other: &Time) -> std::cmp::Ordering {
        for (a, b) in self.parts.iter().zip(&other.parts) {
            let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
                return std::cmp::Ordering::Equal;
            };
            match x.cmp(&y) {
                std::cmp::Ordering::Equal => {}
                o => return o,
            }
        }
        std::cmp::Ordering::Equal
    }

    /// Days since an epoch, for a full date.
    fn days(&self) -> Option<i64> {
        if self.parts.len() < 3 {
            return None;
        }
        let y: i64 = self.parts[0].parse().ok()?;
        let m: i64 = self.parts[1].parse().ok()?;
        let d: i64 = self.parts[2].parse().ok()?;
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        // Days from civil (proleptic Gregorian), after Howard Hinnant's formulation.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe)
    }
}

/// The actor ids and their roots, for overlap tests.
fn sides(actors: &[String], roots: &dyn ActorRoots) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for a in actors {
        out.insert(a.clone());
        if let Some(r) = roots.root(a) {
            out.insert(r);
        }
    }
    out
}

/// How two actor lists relate: `None` when one of them is empty.
fn overlap(a: &[String], b: &[String], roots: &dyn ActorRoots) -> Option<bool> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (sa, sb) = (sides(a, roots), sides(b, roots));
    Some(!sa.is_disjoint(&sb))
}

/// How well `report` fits `merged`: `None` when they cannot be one event, else a score
/// (higher is a better fit).
pub fn fit(merged: &MergedEvent, report: &Report<'_>, roots: &dyn ActorRoots) -> Option<u32> {
    let e = report.event;
    if merged.kind != e.kind || realis(merged.modality) != realis(e.modality) {
        return None;
    }
    let merged_time = match merged.time.as_deref() {
        Some(t) => Time::parse(t, false),
        None => merged
            .last_reported
            .as_deref()
            .and_then(|p| Time::parse(p, true)),
    };
    let time_shared = match (&merged_time, report.time()) {
        (Some(a), Some(b)) => Some(a.agreement(&b)?),
        _ => None,
    };
    let mut shared_actors = 0u32;
    if symmetric(e.kind) {
        let mine: Vec<String> = e.source.iter().chain(&e.target).cloned().collect();
        let theirs: Vec<String> = merged
            .source
            .iter()
            .chain(&merged.target)
            .cloned()
            .collect();
        match overlap(&theirs, &mine, roots) {
            Some(false) => return None,
            Some(true) => shared_actors += 2,
            None => {}
        }
    } else {
        for (theirs, mine) in [(&merged.source, &e.source), (&merged.target, &e.target)] {
            match overlap(theirs, mine, roots) {
                Some(false) => return None,
                Some(true) => shared_actors += 1,
                None => {}
            }
        }
    }
    let precise_time = time_shared.unwrap_or(0) >= 2;
    let no_actors = |s: &[String], t: &[String]| s.is_empty() && t.is_empty();
    let one_side_anonymous =
        no_actors(&e.source, &e.target) || no_actors(&merged.source, &merged.target);
    if shared_actors == 0 && !(precise_time && one_side_anonymous) {
        return None;
    }
    // An actor match with no time on either side is too weak across a long story: two
    // assaults by the same side months apart are two events. Require that times, when
    // both exist, agree (checked above); when the merged event has none, rely on actors.
    Some(shared_actors * 4 + time_shared.unwrap_or(0) as u32)
}

/// The index of the merged event `report` fits best, if any (ties go to the earlier).
pub fn best_fit(
    candidates: &[MergedEvent],
    report: &Report<'_>,
    roots: &dyn ActorRoots,
) -> Option<usize> {
    let mut best: Option<(usize, u32)> = None;
    for (i, m) in candidates.iter().enumerate() {
        if let Some(score) = fit(m, report, roots) {
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// Opens a merged event from its first report.
pub fn open(report: &Report<'_>, story: Option<&str>) -> MergedEvent {
    let e = report.event;
    MergedEvent {
        id: format!("merged:{}", e.id),
        story: story.map(str::to_string),
        kind: e.kind,
        mode: e.mode.clone(),
        source: e.source.clone(),
        target: e.target.clone(),
        place: e.place.clone(),
        time: e.time.as_ref().map(|t| t.value.clone()),
        modality: e.modality,
        reports: 1,
        origins: vec![report.origin.to_string()],
        conflicts: Vec::new(),
        confidence: e.confidence,
        first_reported: report.published.map(day),
        last_reported: report.published.map(day),
        evidence: vec![report.as_evidence()],
    }
}

/// The day of an ISO-8601 date-time.
fn day(iso: &str) -> String {
    iso.split('T').next().unwrap_or(iso).to_string()
}

fn union(into: &mut Vec<String>, more: &[String]) {
    for a in more {
        if !into.contains(a) {
            into.push(a.clone());
        }
    }
}

fn note(conflicts: &mut Vec<String>, text: String) {
    if !conflicts.contains(&text) {
        conflicts.push(text);
    }
}

/// Adds a report to a merged event: actors and places united, the time made more
/// precise where the report is, the modality raised, the origin counted, and any
/// disagreement noted.
pub fn absorb(merged: &mut MergedEvent, report: &Report<'_>, roots: &dyn ActorRoots) {
    let e = report.event;
    if let Some(false) = overlap(&merged.place, &e.place, roots) {
        note(
            &mut merged.conflicts,
            format!(
                "reports differ on the place: {} against {} ({})",
                merged.place.join(", "),
                e.place.join(", "),
                report.outlet
            ),
        );
    }
    let asserted_vs_denied = |a: Modality, b: Modality| {
        matches!(
            (a, b),
            (Modality::Negated, Modality::Asserted | Modality::Reported)
                | (Modality::Asserted | Modality::Reported, Modality::Negated)
        )
    };
    if asserted_vs_denied(merged.modality, e.modality)
        || (e.modality == Modality::Negated
            && merged
                .evidence
                .iter()
                .any(|r| r.modality != Modality::Negated))
    {
        note(
            &mut merged.conflicts,
            "disputed: some reports assert it, others deny it".to_string(),
        );
    }
    union(&mut merged.source, &e.source);
    union(&mut merged.target, &e.target);
    union(&mut merged.place, &e.place);
    if let Some(t) = &e.time {
        let longer = merged.time.as_ref().is_none_or(|m| t.value.len() > m.len());
        let stated = Time::parse(&t.value, false);
        if longer && stated.is_some() {
            merged.time = Some(t.value.clone());
        }
    }
    if merged.mode.is_none() {
        merged.mode = e.mode.clone();
    }
    if rank(e.modality) > rank(merged.modality) {
        merged.modality = e.modality;
    }
    merged.reports += 1;
    if !merged.origins.iter().any(|o| o == report.origin) {
        merged.origins.push(report.origin.to_string());
    }
    merged.confidence = merged.confidence.max(e.confidence);
    if let Some(p) = report.published.map(day) {
        if merged.first_reported.as_ref().is_none_or(|f| p < *f) {
            merged.first_reported = Some(p.clone());
        }
        if merged.last_reported.as_ref().is_none_or(|l| p > *l) {
            merged.last_reported = Some(p);
        }
    }
    merged.evidence.push(report.as_evidence());
}

/// Merges reports in order, in memory: for one story, or a batch (`analyze`).
pub fn merge_all<'a>(
    reports: impl IntoIterator<Item = Report<'a>>,
    story: Option<&str>,
    roots: &dyn ActorRoots,
) -> Vec<MergedEvent> {
    let mut merged: Vec<MergedEvent> = Vec::new();
    for r in reports {
        match best_fit(&merged, &r, roots) {
            Some(i) => absorb(&mut merged[i], &r, roots),
            None => merged.push(open(&r, story)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{EventTime, TimeAnchor};

    fn event(id: &str, kind: PloverType, source: &[&str], target: &[&str]) -> Event {
        Event {
            id: id.into(),
            article: format!("a-{id}"),
            start: 0,
            end: 1,
            sentence: 0,
            kind,
            mode: None,
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            place: vec![],
            time: None,
            modality: Modality::Asserted,
            attributed_to: vec![],
            confidence: 0.8,
        }
    }

    fn at(mut e: Event, value: &str) -> Event {
        e.time = Some(EventTime {
            value: value.into(),
            anchor: TimeAnchor::Timex,
        });
        e
    }

    fn report<'a>(e: &'a Event, origin: &'a str) -> Report<'a> {
        Report {
            event: e,
            outlet: origin,
            origin,
            published: Some("2026-01-01"),
        }
    }

    fn military(a: &str) -> Option<String> {
        (a == "org:us-military").then(|| "country:USA".to_string())
    }

    #[test]
    fn june_strikes_conflict_and_nominal_merge() {
        let struck = at(
            event(
                "e1",
                PloverType::Assault,
                &["org:us-military", "country:ISR"],
                &["country:IRN"],
            ),
            "2025-06",
        );
        let conflict = at(
            event(
                "e2",
                PloverType::Assault,
                &["country:USA", "country:ISR"],
                &["country:IRN"],
            ),
            "2025-06",
        );
        let nominal = at(event("e3", PloverType::Assault, &[], &[]), "2025-06");
        let merged = merge_all(
            [
                report(&struck, "Outlet A"),
                report(&conflict, "Outlet A"),
                report(&nominal, "Outlet B"),
            ],
            None,
            &military,
        );
        assert_eq!(merged.len(), 1, "{merged:#?}");
        assert_eq!(merged[0].reports, 3);
        assert_eq!(merged[0].independent_sources(), 2);
        assert_eq!(merged[0].time.as_deref(), Some("2025-06"));
        assert!(merged[0].source.contains(&"country:USA".to_string()));
    }

    #[test]
    fn threatened_strikes_do_not_merge_with_past_ones() {
        let past = at(
            event(
                "e1",
                PloverType::Assault,
                &["country:ISR"],
                &["country:IRN"],
            ),
            "2025-06",
        );
        let mut threat = event(
            "e2",
            PloverType::Assault,
            &["country:ISR"],
            &["country:IRN"],
        );
        threat.modality = Modality::Threatened;
        let merged = merge_all([report(&past, "A"), report(&threat, "A")], None, &NoRoots);
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn different_attackers_or_months_are_different_events() {
        let a = at(
            event(
                "e1",
                PloverType::Assault,
                &["country:ISR"],
                &["country:IRN"],
            ),
            "2025-06",
        );
        let b = at(
            event(
                "e2",
                PloverType::Assault,
                &["country:RUS"],
                &["country:IRN"],
            ),
            "2025-06",
        );
        let c = at(
            event(
                "e3",
                PloverType::Assault,
                &["country:ISR"],
                &["country:IRN"],
            ),
            "2025-10",
        );
        let merged = merge_all(
            [report(&a, "A"), report(&b, "B"), report(&c, "C")],
            None,
            &NoRoots,
        );
        assert_eq!(merged.len(), 3);
    }

    #[test]
    fn meetings_match_either_way_round_and_precise_dates_win() {
        let a = at(
            event(
                "e1",
                PloverType::Consult,
                &["person:donald-trump"],
                &["person:benjamin-netanyahu"],
            ),
            "2026-02",
        );
        let b = at(
            event(
                "e2",
                PloverType::Consult,
                &["person:benjamin-netanyahu"],
                &["person:donald-trump"],
            ),
            "2026-02-04",
        );
        let merged = merge_all([report(&a, "A"), report(&b, "B")], None, &NoRoots);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].time.as_deref(), Some("2026-02-04"));
    }

    #[test]
    fn an_anonymous_report_without_a_precise_time_stays_alone() {
        let a = at(
            event(
                "e1",
                PloverType::Assault,
                &["country:ISR"],
                &["country:IRN"],
            ),
            "2025",
        );
        let b = at(event("e2", PloverType::Assault, &[], &[]), "2025");
        let merged = merge_all([report(&a, "A"), report(&b, "B")], None, &NoRoots);
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn conflicting_places_and_denials_are_flagged_not_dropped() {
        let mut a = at(
            event(
                "e1",
                PloverType::Assault,
                &["country:ISR"],
                &["country:IRN"],
            ),
            "2025-06-13",
        );
        a.place = vec!["place:natanz".into()];
        let mut b = a.clone();
        b.id = "e2".into();
        b.place = vec!["city:tehran".into()];
        let mut c = a.clone();
        c.id = "e3".into();
        c.place = vec![];
        c.modality = Modality::Negated;
        let merged = merge_all(
            [report(&a, "A"), report(&b, "B"), report(&c, "C")],
            None,
            &NoRoots,
        );
        assert_eq!(merged.len(), 1, "{merged:#?}");
        assert_eq!(merged[0].conflicts.len(), 2, "{:?}", merged[0].conflicts);
        assert_eq!(merged[0].modality, Modality::Asserted);
        assert_eq!(merged[0].place.len(), 2);
    }

    #[test]
    fn reports_without_time_use_their_article_dates() {
        let a = event("e1", PloverType::Protest, &["org:union"], &["country:FRA"]);
        let b = event("e2", PloverType::Protest, &["org:union"], &["country:FRA"]);
        let near = [
            Report {
                event: &a,
                outlet: "A",
                origin: "A",
                published: Some("2026-03-01"),
            },
            Report {
                event: &b,
                outlet: "B",
                origin: "B",
                published: Some("2026-03-02T10:00"),
            },
        ];
        assert_eq!(merge_all(near, None, &NoRoots).len(), 1);
        let far = [
            Report {
                event: &a,
                outlet: "A",
                origin: "A",
                published: Some("2026-03-01"),
            },
            Report {
                event: &b,
                outlet: "B",
                origin: "B",
                published: Some("2026-05-02"),
            },
        ];
        assert_eq!(merge_all(far, None, &NoRoots).len(), 2);
    }

    #[test]
    fn days_count_across_months_and_leap_years() {
        let d = |s: &str| Time::parse(s, true).unwrap().days().unwrap();
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2);
        assert_eq!(d("2025-03-01") - d("2025-02-28"), 1);
        assert_eq!(d("2026-01-01") - d("2025-12-31"), 1);
    }
}
