//! A prior on document frequencies, for a corpus that has only just started.
//!
//! Inverse document frequency needs many documents before it can tell a telling word
//! ("tanker", "Meridian") from an everyday one ("officials", "week"). Worse, in a tiny
//! corpus a word two articles share has a *higher* document frequency than the words
//! each has alone, so sharing it makes it look less specific: exactly backwards for
//! clustering. The prior fixes both by imagining [`super::FeatureParams::prior_docs`]
//! earlier documents in which the everyday words of news (this list, written for the
//! purpose) occur in a fifth of the documents and every other word in none. Real counts
//! soon outweigh the imagined ones: after a few thousand articles the prior hardly
//! moves a weight.

use super::text::stem;
use std::sync::OnceLock;

/// Share of the imagined documents an everyday word occurs in.
pub const COMMON_SHARE: f64 = 0.2;

/// True when `key` (a word stem, or a name key) is an everyday word of news.
pub fn is_common(key: &str) -> bool {
    let key = key.strip_prefix(super::features::NAME_MARK).unwrap_or(key);
    common_stems()
        .binary_search_by(|s| s.as_str().cmp(key))
        .is_ok()
}

/// The document frequency to use for `key`: counted plus imagined.
pub fn prior_df(key: &str, counted: u64, prior_docs: u64) -> u64 {
    if prior_docs > 0 && is_common(key) {
        counted + (prior_docs as f64 * COMMON_SHARE).round() as u64
    } else {
        counted
    }
}

fn common_stems() -> &'static [String] {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| {
        let mut stems: Vec<String> = COMMON_WORDS.split_whitespace().map(stem).collect();
        stems.sort_unstable();
        stems.dedup();
        stems
    })
}

/// Everyday words of news reporting, any order (stemmed when first used).
const COMMON_WORDS: &str = "
    official officials government governments president minister ministers ministry
    country countries nation nations national international world global people person
    percent million millions billion billions thousand thousands hundred hundreds number
    numbers state states region regional area areas city cities local public private
    report reported reports statement statements news agency agencies announce announced
    announcement expect expected including include includes included added add adding
    spokesman spokeswoman spokesperson source sources group groups company companies
    firm firms market markets plan plans planned issue issues talk talks meeting meetings
    meet deal deals support supported leader leaders part parts member members security
    foreign economic economy political policy policies first second third former recent
    recently early earlier late later latest end ended high higher highest low lower
    major key top big small large long short make makes making take takes taking took
    taken give gave given giving come comes coming came go goes going gone went know
    known think show shows showed shown use used using way ways time times follow
    followed following call called calls ask asked work worked working help helped
    continue continued continuing remain remained remains hold holds held set put keep
    kept leave left bring brought open opened close closed start started begin began
    lead leading led run running move moved change changed changes case cases decision
    decide decided effort efforts effect effects impact situation process level levels
    rate rates price prices cost costs amount total increase increased rise rose fall
    fell cut cuts nearly general director chief head board committee council office
    department service services system program programme project law laws rule rules
    right rights power control force forces action actions order orders question
    questions comment comments interview press media morning evening night hour hours
    minute minutes weekend house home family families man men woman women child children
    life lives member team teams part party parties side sides result results reason
    reasons need needs needed want wanted try tried able possible likely major whole
    important clear good bad better best worse less lower half full various own certain
    official earlier told saying state-run news-agency percent per cent level told
    late next past future current currently despite according issue point points
    place places site sites story stories information data figure figures term terms
    week weeks month months year years day days date dates ago again still already
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_are_known_in_any_form() {
        for w in ["officials", "official", "reported", "talks"] {
            assert!(is_common(&stem(w)), "{w}");
        }
        assert!(is_common("@minister"));
        assert!(!is_common("tanker"));
        assert!(!is_common("@hormuz"));
    }

    #[test]
    fn the_prior_only_adds_to_everyday_words() {
        assert_eq!(prior_df("official", 3, 200), 43);
        assert_eq!(prior_df("tanker", 3, 200), 3);
        assert_eq!(prior_df("official", 3, 0), 3);
    }
}
