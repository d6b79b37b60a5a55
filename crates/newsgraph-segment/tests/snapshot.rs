//! Snapshot of the sentences of a news-style paragraph written for this test.

#[test]
fn news_paragraph_sentences() {
    let text = "12 March 2026 08:15 AM\n\
WORLD DESK\n\
U.S. Secretary of State Ana Ruiz met Egyptian Foreign Minister Karim Adel in Cairo on Tuesday. \
According to a U.S. official, the two discussed a ceasefire plan worth $4.5 billion (the figure \
was disputed. Cairo put it lower.) and the release of 31 detainees. “We are closer than ever,” Ruiz \
said. Adel called the talks “useful.” Mr. Adel left at 9 a.m. Wednesday for Amman.\n\
Earlier, on Feb. 27, the U.N. said more than 1.2 million people had fled the fighting... \
Aid agencies—including the Red Crescent—warned of shortages. Talks resume in Geneva on March 20.\n\
Comments Here:";
    let sents: Vec<&str> = newsgraph_segment::sentence_strs(text);
    insta::assert_json_snapshot!(sents);
}
