//! `events-tsv`: events laid out like GDELT 2.0's event table, so tools that read
//! GDELT exports can read ours.
//!
//! The 61 GDELT columns come first, in GDELT's order, filled where we have the data
//! and left empty where we do not (no CAMEO actor type codes, no coordinates, no tone,
//! no Goldstein score: nothing is invented); our own columns follow. The differences
//! a reader must know:
//!
//! - `GlobalEventID` is our event id (text), not an integer.
//! - `EventCode` is the PLOVER type with its mode (`ASSAULT/aerial`), `EventBaseCode`
//!   the PLOVER type: **these are PLOVER, not CAMEO, codes**. `EventRootCode` is the
//!   CAMEO root code the PLOVER type corresponds to ([`cameo_root`]), and `QuadClass`
//!   the quad category the PLOVER manual gives the type ([`quad_class`]), numbered as
//!   GDELT numbers them.
//! - `Day`, `MonthYear`, `Year` and `FractionDate` are filled only as far as the event's
//!   date is known: an event dated "2025-06" has `MonthYear` and `Year`, and an empty
//!   `Day`.
//! - `Actor1`/`Actor2` are the first source and first target actor (all of them are in
//!   the trailing `Sources`/`Targets` columns); `Actor1Code` is our actor id.
//! - `ActionGeo_CountryCode` is ISO 3166 alpha-3 (GDELT uses FIPS 10-4 there).
//! - GDELT files have no header row; ours has one unless `--no-header` is given.

use std::collections::HashMap;

use newsgraph_model::{Actor, Event, MentionKind, MergedEvent, PloverType};
use newsgraph_store::claims::EventRecord;
use newsgraph_store::Store;

use super::tables::{distinct_articles, float32, spelled, Cell};
use super::walk::{ArticleCtx, StoryCtx};

/// The GDELT 2.0 event table's columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Our columns after GDELT's.
pub const OUR_COLUMNS: [&str; 11] = [
    "Modality",
    "Confidence",
    "Evidence",
    "Sources",
    "Targets",
    "Places",
    "AttributedTo",
    "Origins",
    "Story",
    "TimeValue",
    "Conflicts",
];

/// Every column of the layout.
pub fn header() -> Vec<&'static str> {
    GDELT_COLUMNS.iter().chain(&OUR_COLUMNS).copied().collect()
}

/// The CAMEO root code (two digits) a PLOVER event corresponds to.
///
/// After the correspondence table the PLOVER authors publish (`CAMEO2PLOVER-2021.txt`
/// and `cameo/CAMEO-PLOV.txt` in the openeventdata/PLOVER repository), read in reverse:
/// AGREE 03, CONSULT 04, SUPPORT 05, COOPERATE 06, AID 07, CONCEDE and RETREAT 08
/// (CAMEO's YIELD, split by PLOVER into verbal and material), REQUEST 10 (PLOVER's
/// DEMAND category; CAMEO's 02 APPEAL is not coded by PLOVER), ACCUSE 11 (09 with the
/// `investigate` mode: PLOVER merged CAMEO's INVESTIGATE and DISAPPROVE), REJECT 12,
/// THREATEN 13, PROTEST 14, MOBILIZE 15, SANCTION 16, COERCE 17. ASSAULT spans CAMEO
/// 18 (unconventional violence), 19 (conventional military force) and 20 (mass
/// violence): the mode decides where it can (`aerial`, `ground`, `heavy-weapons`,
/// `firearms` → 19; `abduct`, `beat`, `torture`, `sexual`, `suicide-attack`,
/// `explosives`, `assassinate`, `primitive` → 18; `massacre`, `cleansing`,
/// `unconventional` → 20), otherwise force used by a state (a source actor that is a
/// country) is 19 and any other 18.
pub fn cameo_root(kind: PloverType, mode: Option<&str>, state_source: bool) -> &'static str {
    match kind {
        PloverType::Agree => "03",
        PloverType::Consult => "04",
        PloverType::Support => "05",
        PloverType::Cooperate => "06",
        PloverType::Aid => "07",
        PloverType::Concede | PloverType::Retreat => "08",
        PloverType::Request => "10",
        PloverType::Accuse if mode == Some("investigate") => "09",
        PloverType::Accuse => "11",
        PloverType::Reject => "12",
        PloverType::Threaten => "13",
        PloverType::Protest => "14",
        PloverType::Mobilize => "15",
        PloverType::Sanction => "16",
        PloverType::Coerce => "17",
        PloverType::Assault => match mode {
            Some("aerial" | "ground" | "heavy-weapons" | "firearms") => "19",
            Some(
                "abduct" | "beat" | "torture" | "sexual" | "suicide-attack" | "explosives"
                | "assassinate" | "primitive",
            ) => "18",
            Some("massacre" | "cleansing" | "unconventional") => "20",
            _ if state_source => "19",
            _ => "18",
        },
    }
}

/// GDELT's QuadClass of a PLOVER type: 1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict, as the PLOVER manual assigns each category.
pub fn quad_class(kind: PloverType) -> u8 {
    match kind {
        PloverType::Agree | PloverType::Consult | PloverType::Support | PloverType::Concede => 1,
        PloverType::Cooperate | PloverType::Aid | PloverType::Retreat => 2,
        PloverType::Request | PloverType::Accuse | PloverType::Reject | PloverType::Threaten => 3,
        PloverType::Protest
        | PloverType::Sanction
        | PloverType::Mobilize
        | PloverType::Coerce
        | PloverType::Assault => 4,
    }
}

/// The calendar parts of a date or TIMEX3 value, as far as it states them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateParts {
    /// Year.
    pub year: Option<i32>,
    /// Month (1–12), only with a year.
    pub month: Option<u32>,
    /// Day (1–31), only with a month.
    pub day: Option<u32>,
}

/// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and longer ISO-8601 date-times; anything else
/// after the year (weeks, seasons, `XXXX` years) leaves the finer parts empty.
pub fn date_parts(value: &str) -> DateParts {
    let b = value.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let mut out = DateParts::default();
    let Some(year) = digits(0, 4) else {
        return out;
    };
    if b.get(4).is_some_and(u8::is_ascii_digit) {
        return out; // not a four-digit year
    }
    out.year = i32::try_from(year).ok();
    if b.get(4) != Some(&b'-') {
        return out;
    }
    let Some(month) = digits(5, 2).filter(|m| (1..=12).contains(m)) else {
        return out;
    };
    if b.get(7).is_some_and(u8::is_ascii_digit) {
        return out;
    }
    out.month = Some(month);
    if b.get(7) != Some(&b'-') {
        return out;
    }
    if let Some(day) = digits(8, 2).filter(|d| *d >= 1 && *d <= days_in_month(year, month)) {
        if !b.get(10).is_some_and(u8::is_ascii_digit) {
            out.day = Some(day);
        }
    }
    out
}

fn leap(year: u32) -> bool {
    matches!((year % 4, year % 100, year % 400), (0, 1.., _) | (_, _, 0))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl DateParts {
    /// `YYYYMMDD`, when the day is known.
    pub fn day_code(&self) -> Option<String> {
        Some(format!(
            "{:04}{:02}{:02}",
            self.year?, self.month?, self.day?
        ))
    }

    /// `YYYYMM`, when the month is known.
    pub fn month_code(&self) -> Option<String> {
        Some(format!("{:04}{:02}", self.year?, self.month?))
    }

    /// The year plus the fraction of it completed by the end of the day (`YYYY.FFFF`,
    /// as GDELT writes it: 1 January is `.0027`; 31 December stays within its year at
    /// `.9999`), when the day is known.
    pub fn fraction(&self) -> Option<String> {
        let (y, m, d) = (self.year?, self.month?, self.day?);
        let yu = u32::try_from(y).ok()?;
        let before: u32 = (1..m).map(|mm| days_in_month(yu, mm)).sum();
        let len = if leap(yu) { 366.0 } else { 365.0 };
        let part = (f64::from(before + d) / len * 10_000.0)
            .round()
            .min(9_999.0) as u32;
        Some(format!("{y}.{part:04}"))
    }
}

/// GDELT's DATEADDED (`YYYYMMDDHHMMSS`) from an RFC 3339 time stamp.
pub fn date_added(rfc3339: &str) -> Option<String> {
    let digits: String = rfc3339
        .chars()
        .take(19)
        .filter(char::is_ascii_digit)
        .collect();
    (digits.len() == 14).then_some(digits)
}

/// Actors by id, each looked up in the store once.
pub struct ActorCache<'s, S: Store> {
    store: &'s S,
    known: HashMap<String, Option<Actor>>,
}

impl<'s, S: Store> ActorCache<'s, S> {
    /// An empty cache over `store`.
    pub fn new(store: &'s S) -> Self {
        ActorCache {
            store,
            known: HashMap::new(),
        }
    }

    /// The actor with this id (`None` when the store does not know it).
    pub fn get(&mut self, id: &str) -> anyhow::Result<Option<&Actor>> {
        if !self.known.contains_key(id) {
            let found = self
                .store
                .actors_by_id(&[id.to_string()])?
                .into_iter()
                .find(|a| a.id == id);
            self.known.insert(id.to_string(), found);
        }
        Ok(self.known.get(id).and_then(Option::as_ref))
    }
}

/// What a row says about one event, however it was read.
struct Facts<'a> {
    id: &'a str,
    kind: PloverType,
    mode: Option<&'a str>,
    sources: &'a [String],
    targets: &'a [String],
    places: &'a [String],
    /// The event time, else the date of its (first) report.
    date: DateParts,
    time_value: Option<&'a str>,
    is_root: Option<bool>,
    mentions: usize,
    outlets: usize,
    articles: usize,
    added: Option<String>,
    url: Option<&'a str>,
    modality: String,
    confidence: f32,
    evidence: Vec<String>,
    attributed_to: Vec<String>,
    origins: Vec<String>,
    story: Option<&'a str>,
    conflicts: &'a [String],
}

fn opt_text(v: Option<String>) -> Cell {
    v.map_or(Cell::Null, Cell::Str)
}

fn list(items: &[String]) -> Cell {
    super::tables::joined(items)
}

fn is_state(actor: Option<&Actor>) -> bool {
    actor.is_some_and(|a| a.kind == MentionKind::Gpe && a.id.starts_with("country:"))
}

fn row<S: Store>(f: Facts<'_>, actors: &mut ActorCache<'_, S>) -> anyhow::Result<Vec<Cell>> {
    let mut state_source = false;
    for s in f.sources {
        state_source |= is_state(actors.get(s)?);
    }
    let mut cells = Vec::with_capacity(GDELT_COLUMNS.len() + OUR_COLUMNS.len());
    cells.push(Cell::Str(f.id.to_string()));
    cells.push(opt_text(f.date.day_code()));
    cells.push(opt_text(f.date.month_code()));
    cells.push(f.date.year.map_or(Cell::Null, |y| Cell::Int(i64::from(y))));
    cells.push(opt_text(f.date.fraction()));
    for side in [f.sources, f.targets] {
        match side.first() {
            Some(id) => {
                let actor = actors.get(id)?;
                cells.push(Cell::Str(id.clone()));
                cells.push(actor.map_or(Cell::Null, |a| Cell::Str(a.name.clone())));
                cells.push(opt_text(actor.and_then(|a| a.country.clone())));
            }
            None => cells.extend([Cell::Null, Cell::Null, Cell::Null]),
        }
        // KnownGroup, Ethnic, Religion1/2, Type1/2/3: CAMEO actor codes we do not have.
        cells.extend(std::iter::repeat_n(Cell::Null, 7));
    }
    cells.push(f.is_root.map_or(Cell::Null, |r| Cell::Int(i64::from(r))));
    let kind = spelled(&f.kind);
    cells.push(Cell::Str(match f.mode {
        Some(m) => format!("{kind}/{m}"),
        None => kind.clone(),
    }));
    cells.push(Cell::Str(kind));
    cells.push(Cell::Str(
        cameo_root(f.kind, f.mode, state_source).to_string(),
    ));
    cells.push(Cell::Int(i64::from(quad_class(f.kind))));
    cells.push(Cell::Null); // GoldsteinScale: not computed
    for n in [f.mentions, f.outlets, f.articles] {
        cells.push(Cell::Int(i64::try_from(n).unwrap_or(i64::MAX)));
    }
    cells.push(Cell::Null); // AvgTone: not computed
                            // Actor1Geo_* and Actor2Geo_*: where the actors were; we do not geocode.
    cells.extend(std::iter::repeat_n(Cell::Null, 16));
    // ActionGeo_*: the first place, by name and country.
    let place = match f.places.first() {
        Some(id) => actors.get(id)?,
        None => None,
    };
    cells.push(Cell::Null);
    cells.push(place.map_or(Cell::Null, |a| Cell::Str(a.name.clone())));
    cells.push(opt_text(place.and_then(|a| a.country.clone())));
    cells.extend(std::iter::repeat_n(Cell::Null, 5));
    cells.push(opt_text(f.added));
    cells.push(opt_text(f.url.map(str::to_string)));
    // Ours.
    cells.push(Cell::Str(f.modality));
    cells.push(float32(f.confidence));
    cells.push(list(&f.evidence));
    cells.push(list(f.sources));
    cells.push(list(f.targets));
    cells.push(list(f.places));
    cells.push(list(&f.attributed_to));
    cells.push(list(&f.origins));
    cells.push(opt_text(f.story.map(str::to_string)));
    cells.push(opt_text(f.time_value.map(str::to_string)));
    cells.push(list(f.conflicts));
    debug_assert_eq!(cells.len(), GDELT_COLUMNS.len() + OUR_COLUMNS.len());
    Ok(cells)
}

/// Where an event is evidenced: `ARTICLE:START-END`.
fn evidence(e: &Event) -> String {
    format!("{}:{}-{}", e.article, e.start, e.end)
}

/// The row of an event as one article reports it.
pub fn article_event_row<S: Store>(
    r: &EventRecord,
    ctx: &ArticleCtx,
    actors: &mut ActorCache<'_, S>,
) -> anyhow::Result<Vec<Cell>> {
    let e = &r.event;
    let time_value = e.time.as_ref().map(|t| t.value.as_str());
    let date = date_of(time_value, r.published.as_deref());
    let facts = Facts {
        id: &e.id,
        kind: e.kind,
        mode: e.mode.as_deref(),
        sources: &e.source,
        targets: &e.target,
        places: &e.place,
        date,
        time_value,
        is_root: Some(e.sentence == 0),
        mentions: 1,
        outlets: 1,
        articles: 1,
        added: date_added(&ctx.summary.ingested_at),
        url: ctx.summary.url.as_deref().or(ctx.summary.path.as_deref()),
        modality: spelled(&e.modality),
        confidence: e.confidence,
        evidence: vec![evidence(e)],
        attributed_to: e.attributed_to.clone(),
        origins: if r.source.is_empty() {
            Vec::new()
        } else {
            vec![r.source.clone()]
        },
        story: ctx.story.as_deref(),
        conflicts: &[],
    };
    row(facts, actors)
}

/// The row of a merged event: counts over its reports, the first report's URL.
pub fn merged_event_row<S: Store>(
    m: &MergedEvent,
    ctx: &StoryCtx,
    actors: &mut ActorCache<'_, S>,
) -> anyhow::Result<Vec<Cell>> {
    let date = date_of(m.time.as_deref(), m.first_reported.as_deref());
    let articles = distinct_articles(&m.evidence);
    let summaries: Vec<_> = articles.iter().filter_map(|a| ctx.article(a)).collect();
    let added = summaries
        .iter()
        .map(|s| s.ingested_at.as_str())
        .min()
        .and_then(date_added);
    let url = summaries
        .first()
        .and_then(|s| s.url.as_deref().or(s.path.as_deref()));
    let mut evidence_spans = Vec::new();
    let mut attributed: Vec<String> = Vec::new();
    let mut is_root = None;
    for report in &m.evidence {
        match ctx.reports.get(&report.event) {
            Some(r) => {
                evidence_spans.push(evidence(&r.event));
                for a in &r.event.attributed_to {
                    if !attributed.contains(a) {
                        attributed.push(a.clone());
                    }
                }
                is_root = Some(is_root.unwrap_or(false) || r.event.sentence == 0);
            }
            None => evidence_spans.push(report.article.clone()),
        }
    }
    let facts = Facts {
        id: &m.id,
        kind: m.kind,
        mode: m.mode.as_deref(),
        sources: &m.source,
        targets: &m.target,
        places: &m.place,
        date,
        time_value: m.time.as_deref(),
        is_root,
        mentions: m.reports,
        outlets: m.independent_sources(),
        articles: articles.len(),
        added,
        url,
        modality: spelled(&m.modality),
        confidence: m.confidence,
        evidence: evidence_spans,
        attributed_to: attributed,
        origins: m.origins.clone(),
        story: m.story.as_deref(),
        conflicts: &m.conflicts,
    };
    row(facts, actors)
}

/// The date of an event: its own time when that names at least a year, else the date
/// of its report.
fn date_of(time: Option<&str>, reported: Option<&str>) -> DateParts {
    let own = time.map(date_parts).unwrap_or_default();
    if own.year.is_some() {
        own
    } else {
        reported.map(date_parts).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_far_as_they_go() {
        let d = date_parts("2026-03-05T10:00:00Z");
        assert_eq!(d.day_code().as_deref(), Some("20260305"));
        assert_eq!(d.month_code().as_deref(), Some("202603"));
        let m = date_parts("2025-06");
        assert_eq!((m.year, m.month, m.day), (Some(2025), Some(6), None));
        assert_eq!(m.day_code(), None);
        assert_eq!(date_parts("2025-W23").month, None);
        assert_eq!(date_parts("2025-W23").year, Some(2025));
        assert_eq!(date_parts("XXXX-02-04"), DateParts::default());
        assert_eq!(date_parts("2025-02-30").day, None, "no 30 February");
        assert_eq!(date_parts("20250").year, None);
        assert_eq!(date_parts("2024-02-29").day, Some(29));
    }

    #[test]
    fn fraction_of_the_year() {
        assert_eq!(
            date_parts("2026-12-31").fraction().as_deref(),
            Some("2026.9999")
        );
        assert_eq!(
            date_parts("2026-01-01").fraction().as_deref(),
            Some("2026.0027")
        );
        assert_eq!(date_parts("2026-01").fraction(), None);
    }

    #[test]
    fn date_added_digits() {
        assert_eq!(
            date_added("2026-03-05T10:11:12.345Z").as_deref(),
            Some("20260305101112")
        );
        assert_eq!(date_added("2026-03-05"), None);
    }

    #[test]
    fn plover_to_cameo_roots() {
        assert_eq!(cameo_root(PloverType::Consult, Some("phone"), false), "04");
        assert_eq!(cameo_root(PloverType::Assault, Some("aerial"), false), "19");
        assert_eq!(cameo_root(PloverType::Assault, None, true), "19");
        assert_eq!(cameo_root(PloverType::Assault, None, false), "18");
        assert_eq!(cameo_root(PloverType::Assault, Some("abduct"), true), "18");
        assert_eq!(cameo_root(PloverType::Accuse, None, false), "11");
        assert_eq!(
            cameo_root(PloverType::Accuse, Some("investigate"), false),
            "09"
        );
        assert_eq!(cameo_root(PloverType::Threaten, None, false), "13");
        assert_eq!(cameo_root(PloverType::Request, None, false), "10");
        assert_eq!(quad_class(PloverType::Consult), 1);
        assert_eq!(quad_class(PloverType::Retreat), 2);
        assert_eq!(quad_class(PloverType::Threaten), 3);
        assert_eq!(quad_class(PloverType::Assault), 4);
    }

    #[test]
    fn layout_has_gdelt_columns_first() {
        let h = header();
        assert_eq!(h.len(), 72);
        assert_eq!(h[0], "GlobalEventID");
        assert_eq!(h[26], "EventCode");
        assert_eq!(h[29], "QuadClass");
        assert_eq!(h[59], "DATEADDED");
        assert_eq!(h[60], "SOURCEURL");
        assert_eq!(h[61], "Modality");
    }
}
