//! The plain data types of newsgraph (DESIGN.md §1 and §8).
//!
//! Every stage of the pipeline reads and writes these types and nothing else, so the
//! stages stay pure functions over plain data and the report contract of DESIGN.md §8
//! has exactly one definition. Types that later stages fill (mentions, events, …) are
//! defined here already so that the contract's arrays exist from the first release.
//!
//! Offsets are **byte offsets into the article's clean `body`** unless a field says
//! otherwise. Field names are part of the public contract: they may be added to, never
//! renamed.

use serde::{Deserialize, Serialize};

/// Stable identifier of an article: hex of a hash over source + normalised body.
pub type ArticleId = String;
/// Stable identifier of an actor (knowledge-base key or a derived id).
pub type ActorId = String;
/// Stable identifier of an event.
pub type EventId = String;
/// Stable identifier of a story.
pub type StoryId = String;

/// A half-open byte range `[start, end)` into an article's clean body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (panics in debug builds when reversed).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "reversed span {start}..{end}");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `body`.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// Where a fact came from: the evidence every stored fact must carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The article the fact was read from.
    pub article: ArticleId,
    /// Byte span of the evidence in the article's clean body.
    pub start: usize,
    /// End of the evidence span (exclusive).
    pub end: usize,
    /// Index of the sentence holding the evidence, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// Name of the extractor that produced the fact (e.g. `clean/dateline`).
    pub extractor: String,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

/// Bounds on the publication date of an undated article, with the reasons for them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DateBounds {
    /// Earliest possible publication date (ISO-8601), if bounded below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Latest possible publication date (ISO-8601), if bounded above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Human-readable reasons, each pointing at the evidence that set a bound.
    #[serde(default)]
    pub reasons: Vec<String>,
}

/// The input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text as scraped from a page (chrome and all).
    Text,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page.
    Html,
    /// An RSS, Atom or JSON feed.
    Feed,
    /// A WARC web archive.
    Warc,
}

impl InputFormat {
    /// The lowercase name used on the command line and in storage.
    pub fn as_str(&self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::Warc => "warc",
        }
    }
}

/// A news article: metadata and the clean body all later spans index into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Content id (hash of source + normalised body).
    pub id: ArticleId,
    /// The file it was read from, when read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The URL it was published at, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet that published this copy ("Caliber.Az"); empty when unknown.
    pub source: String,
    /// Syndication chain: outlets this copy was taken from, nearest first ("Axios").
    #[serde(default)]
    pub via: Vec<String>,
    /// Headline.
    pub title: String,
    /// Subtitle or deck, when the headline line carries one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Author line without the "By".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Section label ("NEWS DESK").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Publication date-time in ISO-8601 (as precise as the source says), or null when
    /// the article does not say. Never invented.
    pub published: Option<String>,
    /// Inferred bounds on the publication date of an undated article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_bounds: Option<DateBounds>,
    /// BCP-47 language tag, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Clean body text: chrome removed, paragraphs separated by a newline.
    pub body: String,
    /// Id of the article this one (nearly) repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<ArticleId>,
    /// The format the article was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<InputFormat>,
    /// Input fields newsgraph does not interpret, kept as they came, plus notes from
    /// reading (e.g. the encoding a file was decoded from).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

/// One sentence of an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the sentence in the article (0-based).
    pub index: usize,
    /// First byte of the sentence in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What kind of token a token is; cheap hints for later stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, hyphens or dots, as in "U.S.").
    Word,
    /// A number: digits with separators and decimals ("71,000", "3.5").
    Number,
    /// Punctuation or a symbol ("$", "—", "“").
    Punct,
    /// Anything else (emoji, stray symbols).
    Other,
}

/// One token of an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// First byte of the token in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Coarse kind.
    pub kind: TokenKind,
}

/// The type of a mention (the CoNLL/OntoNotes-style label set newsgraph uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MentionKind {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A geo-political entity: a state or a city.
    Gpe,
    /// A non-political location (region, sea, mountain).
    Loc,
    /// A nationality, religious or political group ("Israeli", "Palestinian").
    Norp,
    /// A facility or site ("Fordow").
    Fac,
    /// A named event ("the 2020 US presidential election").
    Event,
    /// Any other name.
    Misc,
}

/// A role (office of a state or organisation) held by an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// The office's title ("Prime Minister").
    pub title: String,
    /// The actor the office belongs to (a state or organisation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<ActorId>,
    /// Start of the term (ISO-8601), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End of the term (ISO-8601), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Where the role is known from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<RoleSource>,
    /// The evidence for a role learned from articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Provenance>,
}

/// Where a role is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleSource {
    /// The knowledge base shipped with newsgraph or given by the user.
    Kb,
    /// Learned from an article (an apposition, a title before a name).
    Article,
}

/// The role a mention names in passing ("Israeli Prime Minister" before a name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRole {
    /// The office's title.
    pub title: String,
    /// The state or organisation the office belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<ActorId>,
}

/// A span of an article naming something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The article the mention is in.
    pub article: ArticleId,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The mention's text, as in the body.
    pub text: String,
    /// What kind of thing it names.
    pub kind: MentionKind,
    /// The actor it was resolved to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    /// A title or role the mention carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<MentionRole>,
    /// When the mention could name several actors and none is clearly best: every
    /// candidate with its score, best first (`actor` is then empty). Ambiguity stays
    /// visible instead of being guessed away.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<MentionCandidate>,
}

/// One actor an ambiguous [`Mention`] may name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionCandidate {
    /// The candidate actor.
    pub actor: ActorId,
    /// Its score in `[0, 1]` (the scores of a mention's candidates sum to at most 1).
    pub score: f32,
}

/// A real-world thing behind mentions: a person, state, organisation or place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id.
    pub id: ActorId,
    /// Canonical name.
    pub name: String,
    /// Kind of actor.
    pub kind: MentionKind,
    /// Other names it goes by.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-3 code of its country, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Offices it holds or held.
    #[serde(default)]
    pub roles: Vec<Role>,
}

/// TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("2026-01", "2025-SU").
    Date,
    /// A time of day.
    Time,
    /// A length of time ("P12D").
    Duration,
    /// A recurrence ("every Friday").
    Set,
}

/// A normalised time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// The article it is in.
    pub article: ArticleId,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value ("2025-12", "XXXX-02-04", "PAST_REF").
    pub value: String,
    /// TIMEX3 modifier (START, END, APPROX, MORE_THAN, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#mod: Option<String>,
}

/// How an approximate figure relates to its stated value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// "more than", "over".
    MoreThan,
    /// "less than", "under".
    LessThan,
    /// "about", "around", "some".
    About,
    /// "at least".
    AtLeast,
    /// "up to".
    UpTo,
}

/// A typed number read from an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The article it is in.
    pub article: ArticleId,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The figure as written.
    pub text: String,
    /// Its numeric value.
    pub value: f64,
    /// How approximate the stated value is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// Unit or currency ("USD", "people").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What it counts ("killed", "injured", "hostages", "cost").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The actor it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<ActorId>,
    /// The period it covers, as a TIMEX3 value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Who states the figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<ActorId>,
}

/// Top-level event types of the PLOVER ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// How certain an event is, as the article presents it (DESIGN.md §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Modality {
    /// Stated as fact by the article.
    Asserted,
    /// Said by someone, not confirmed.
    Reported,
    /// Scheduled.
    Planned,
    /// Discussed or considered.
    Possible,
    /// Would happen if a condition holds.
    Conditional,
    /// Threatened.
    Threatened,
    /// Denied or did not happen.
    Negated,
}

/// What an event's time was anchored to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeAnchor {
    /// A time expression in the article.
    Timex,
    /// The article's publication date (document creation time).
    Dct,
}

/// The time of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    /// TIMEX3 value.
    pub value: String,
    /// What it was anchored to.
    pub anchor: TimeAnchor,
}

/// Who did what to whom, where, when and how certain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: EventId,
    /// The article it is in.
    pub article: ArticleId,
    /// First byte of the evidence (the trigger or clause).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the sentence.
    pub sentence: usize,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: PloverType,
    /// PLOVER mode ("aerial", "visit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Actors that act.
    #[serde(default)]
    pub source: Vec<ActorId>,
    /// Actors acted upon.
    #[serde(default)]
    pub target: Vec<ActorId>,
    /// Places it happened.
    #[serde(default)]
    pub place: Vec<ActorId>,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<EventTime>,
    /// How certain the article presents it.
    pub modality: Modality,
    /// Who says it happened.
    #[serde(default)]
    pub attributed_to: Vec<ActorId>,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

/// Words attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The article it is in.
    pub article: ArticleId,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Who said them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<ActorId>,
    /// The cue verb ("said", "warned").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The reporting chain, nearest reporter first.
    #[serde(default)]
    pub attributed_to: Vec<ActorId>,
}

/// Articles about one developing situation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id.
    pub id: StoryId,
    /// Generated title.
    pub title: String,
    /// Its articles.
    pub articles: Vec<ArticleId>,
    /// Its (merged) events.
    #[serde(default)]
    pub events: Vec<EventId>,
    /// Its key actors.
    #[serde(default)]
    pub actors: Vec<ActorId>,
    /// Earliest date it covers (ISO-8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// Latest date it covers (ISO-8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

/// How one article reported a merged event: the evidence behind a [`MergedEvent`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventReport {
    /// The event as this article extracted it.
    pub event: EventId,
    /// Its article.
    pub article: ArticleId,
    /// First byte of the evidence in the article's body.
    #[serde(default)]
    pub start: usize,
    /// One past its last byte.
    #[serde(default)]
    pub end: usize,
    /// The outlet that published the article.
    pub outlet: String,
    /// The outlet the report originates from (the end of the syndication chain); reports
    /// with the same origin are not independent.
    pub origin: String,
    /// How certain this article presents it.
    pub modality: Modality,
    /// When this article says it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// One real-world event reported by one or more articles (the *cluster* stage): the
/// union of what the reports say, how many independent outlets say it, and where the
/// reports disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    /// Stable id, derived from the first report's event id.
    pub id: String,
    /// The story it belongs to, when stories are built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryId>,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: PloverType,
    /// PLOVER mode, when the reports give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Actors that act, over all reports.
    #[serde(default)]
    pub source: Vec<ActorId>,
    /// Actors acted upon, over all reports.
    #[serde(default)]
    pub target: Vec<ActorId>,
    /// Places, over all reports.
    #[serde(default)]
    pub place: Vec<ActorId>,
    /// The most precise time the reports agree on (TIMEX3 value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The strongest modality among the reports (an asserted report makes it asserted).
    pub modality: Modality,
    /// Number of reports.
    pub reports: usize,
    /// Distinct origins of the reports: the independent sources.
    #[serde(default)]
    pub origins: Vec<String>,
    /// Where reports disagree (places, modality), in words.
    #[serde(default)]
    pub conflicts: Vec<String>,
    /// Highest confidence among the reports.
    pub confidence: f32,
    /// Publication date of the earliest dated report's article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_reported: Option<String>,
    /// Publication date of the latest dated report's article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reported: Option<String>,
    /// The reports, when the reader asked for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EventReport>,
}

impl MergedEvent {
    /// How many independent sources report it.
    pub fn independent_sources(&self) -> usize {
        self.origins.len()
    }
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// The figure.
    pub value: f64,
    /// When it held (TIMEX3 value or ISO-8601).
    pub time: String,
    /// The article it was read from.
    pub article: ArticleId,
    /// Index of the quantity in that article's quantities.
    pub quantity: usize,
    /// The outlet that published the article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// Who the article says gave the figure ("local officials", an actor id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<String>,
    /// "more than", "about"…, when the figure is not exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
}

/// One figure followed across articles ("Gaza death toll").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Stable id.
    pub id: String,
    /// What it measures.
    pub measure: String,
    /// What it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<ActorId>,
    /// Its points in time order.
    pub points: Vec<SeriesPoint>,
    /// Warnings such as a falling cumulative toll.
    #[serde(default)]
    pub flags: Vec<String>,
}

/// A sentence of a given article, as reported (adds the article id to [`Sentence`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSentence {
    /// The article it is in.
    pub article: ArticleId,
    /// Index in the article.
    pub index: usize,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The report contract of DESIGN.md §8: one JSON object, every array present.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Articles with metadata and clean body.
    pub articles: Vec<Article>,
    /// Sentences of every article (added to the contract: later stages cite them).
    #[serde(default)]
    pub sentences: Vec<ReportSentence>,
    /// Names in the articles.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Actors behind the mentions.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Time expressions.
    #[serde(default)]
    pub timexes: Vec<Timex>,
    /// Figures.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// Events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Stories.
    #[serde(default)]
    pub stories: Vec<Story>,
    /// Series.
    #[serde(default)]
    pub series: Vec<Series>,
    /// Events merged across reports (added to the contract: the cluster stage's events).
    #[serde(default)]
    pub merged_events: Vec<MergedEvent>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_report_has_every_contract_array() {
        let json = serde_json::to_value(Report::default()).unwrap();
        for key in [
            "articles",
            "mentions",
            "actors",
            "timexes",
            "quantities",
            "events",
            "quotes",
            "stories",
            "series",
        ] {
            assert!(json[key].is_array(), "missing array {key}");
        }
    }

    #[test]
    fn article_without_date_serialises_null_published() {
        let json = serde_json::to_value(Article::default()).unwrap();
        assert!(json["published"].is_null());
        assert!(json.as_object().unwrap().contains_key("published"));
    }

    #[test]
    fn enums_use_contract_spelling() {
        assert_eq!(serde_json::to_string(&MentionKind::Gpe).unwrap(), "\"GPE\"");
        assert_eq!(
            serde_json::to_string(&Modality::Threatened).unwrap(),
            "\"THREATENED\""
        );
        assert_eq!(
            serde_json::to_string(&Approx::MoreThan).unwrap(),
            "\"more_than\""
        );
        assert_eq!(
            serde_json::to_string(&PloverType::Assault).unwrap(),
            "\"ASSAULT\""
        );
    }

    #[test]
    fn span_text_slices_body() {
        let body = "Hello world";
        assert_eq!(Span::new(6, 11).text(body), "world");
        assert_eq!(Span::new(6, 11).len(), 5);
    }
}
