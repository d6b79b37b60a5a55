//! Snapshot of the time expressions of a short article written for this test.

use newsgraph_time::{extract, Dct};

const ARTICLE: &str = "Harbour talks resume next week\n\
The two port authorities met on Tuesday for the first time since March 2024, \
officials said. Negotiators spent three hours on the tariff question and agreed to \
report back by the end of the month. A similar round collapsed two years ago, and \
late last year the ferry operator warned it would cut sailings every Sunday. \
The ministers are expected to sign a 10-year lease on February 12; a day earlier \
they will tour the terminal at 9:30 a.m. Traffic rose 4% in the third quarter, \
after falling for nearly two years. \"We can now plan for the summer,\" one said.";

#[test]
fn article_timexes() {
    let dct = Dct::parse("2026-01-15").unwrap();
    let sents = newsgraph_segment::sentences(ARTICLE);
    let ts = extract(ARTICLE, &sents, Some(dct));
    insta::assert_json_snapshot!(ts);
}
