//! The trigger lexicon (verbs and nouns mapped to PLOVER types and modes) and the
//! closed word classes the clause analysis reads: light verbs, prepositions, clause
//! boundaries and the modality cues.
//!
//! Everything is matched on lowercased words; verbs are reduced to a lemma by
//! [`lemmas`] (a few suffix rules and an irregular table), so "struck", "strikes" and
//! "striking" all reach the entry for "strike".

use newsgraph_model::PloverType as P;

/// Part of speech a trigger entry applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A verb: its subject is the source, its object or PP the target.
    Verb,
    /// A noun (nominalisation): arguments from possessives, modifiers and PPs, or the
    /// subject of a light verb ("held talks").
    Noun,
}

/// What else must be present for a word to trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing.
    Nothing,
    /// One of these words within the next three tokens ("lift" + "sanctions").
    Next(&'static [&'static str]),
    /// One of these words within the next five tokens of the same phrase (no comma in
    /// between): the head of a longer object ("accepted the latest Egyptian ceasefire
    /// proposal").
    NextFar(&'static [&'static str]),
    /// A light verb before the noun ("launched missiles").
    Light,
    /// A target must be found ("hit", "recognised").
    Target,
    /// A preceding word ("joint" before "drills", "military" before "action").
    Prev(&'static [&'static str]),
}

/// One lexicon entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// PLOVER type.
    pub kind: P,
    /// PLOVER mode, if the word implies one.
    pub mode: Option<&'static str>,
    /// Verb or noun.
    pub pos: Pos,
    /// Prepositions that introduce a target ("strikes on X", "talks with X").
    pub preps: &'static [&'static str],
    /// Extra condition.
    pub needs: Needs,
    /// Prior confidence of the word as a trigger.
    pub conf: f32,
}

const ON: &[&str] = &["on", "against", "at", "into", "inside"];
const ON_OF: &[&str] = &["of", "on", "against", "at", "into", "inside"];
const WITH: &[&str] = &["with"];
const TO: &[&str] = &["to"];
const NONE: &[&str] = &[];

const fn e(kind: P, mode: Option<&'static str>, pos: Pos, preps: &'static [&'static str]) -> Entry {
    Entry {
        kind,
        mode,
        pos,
        preps,
        needs: Needs::Nothing,
        conf: 0.8,
    }
}

const fn n(mut x: Entry, needs: Needs) -> Entry {
    x.needs = needs;
    x
}

const fn c(mut x: Entry, conf: f32) -> Entry {
    x.conf = conf;
    x
}

use Pos::{Noun, Verb};

/// Verb lexicon, by lemma.
pub fn verb(lemma: &str) -> Option<Entry> {
    Some(match lemma {
        // ASSAULT
        "attack" | "assault" | "raid" => e(P::Assault, None, Verb, ON),
        "strike" => e(P::Assault, None, Verb, ON),
        "bomb" | "bombard" => e(P::Assault, Some("aerial"), Verb, ON),
        "shell" | "pound" => e(P::Assault, None, Verb, ON),
        "invade" => e(P::Assault, Some("ground"), Verb, NONE),
        "hit" | "target" | "ambush" | "destroy" => {
            n(c(e(P::Assault, None, Verb, NONE), 0.6), Needs::Target)
        }
        "kill" => c(e(P::Assault, None, Verb, NONE), 0.7),
        "fight" => n(
            c(e(P::Assault, None, Verb, &["against"]), 0.6),
            Needs::Target,
        ),
        "fire" => n(
            e(P::Assault, None, Verb, &["at", "on", "into"]),
            Needs::Target,
        ),
        "capture" | "recapture" | "occupy" | "storm" => e(P::Assault, Some("ground"), Verb, NONE),
        // CONSULT
        "meet" => e(P::Consult, Some("meet"), Verb, WITH),
        // "hosted Zelensky", "received the Saudi foreign minister": a guest is needed
        "host" | "receive" => n(
            c(e(P::Consult, Some("meet"), Verb, NONE), 0.6),
            Needs::Target,
        ),
        "visit" => e(P::Consult, Some("visit"), Verb, NONE),
        "discuss" | "negotiate" | "consult" => e(P::Consult, None, Verb, WITH),
        "talk" => n(
            e(P::Consult, None, Verb, WITH),
            Needs::Next(&["with", "to"]),
        ),
        "speak" => n(
            e(P::Consult, Some("phone"), Verb, WITH),
            Needs::Next(&["with", "by", "phone", "telephone"]),
        ),
        "raise" => n(
            c(e(P::Consult, None, Verb, WITH), 0.6),
            Needs::Next(&["issue", "concern", "concerns", "matter", "question"]),
        ),
        // AGREE
        "agree" => e(P::Agree, None, Verb, WITH),
        // "accepted the ceasefire proposal"; "accepted responsibility" is no agreement
        "accept" => n(
            c(e(P::Agree, None, Verb, NONE), 0.65),
            Needs::NextFar(&[
                "proposal",
                "proposals",
                "offer",
                "deal",
                "plan",
                "terms",
                "ceasefire",
                "truce",
                "agreement",
                "framework",
            ]),
        ),
        // "signed an agreement" is the noun's; the verb alone needs a pact-like object
        // ("signed the bill into law" is no agreement)
        "sign" => n(
            e(P::Agree, None, Verb, WITH),
            Needs::Next(&[
                "ceasefire",
                "truce",
                "armistice",
                "declaration",
                "contract",
                "charter",
                "protocol",
                "roadmap",
                "framework",
                "communique",
            ]),
        ),
        // SUPPORT
        "support" | "endorse" | "praise" | "welcome" | "commend" | "hail" | "applaud" => {
            e(P::Support, None, Verb, NONE)
        }
        "back" => n(e(P::Support, None, Verb, NONE), Needs::Target),
        "recognise" | "recognize" => n(e(P::Support, None, Verb, NONE), Needs::Target),
        // CONCEDE
        "release" => e(P::Concede, None, Verb, NONE),
        "free" => e(P::Concede, None, Verb, NONE),
        "disarm" | "surrender" | "concede" => e(P::Concede, None, Verb, NONE),
        "hand" => n(e(P::Concede, None, Verb, NONE), Needs::Next(&["over"])),
        "swap" | "exchange" => n(
            e(P::Concede, None, Verb, NONE),
            Needs::Next(&["prisoners", "detainees", "captives", "hostages"]),
        ),
        "ease" | "lift" => n(
            e(P::Concede, None, Verb, &["on"]),
            Needs::Next(&[
                "sanctions",
                "restrictions",
                "ban",
                "embargo",
                "blockade",
                "tariffs",
            ]),
        ),
        // COOPERATE
        "cooperate" | "collaborate" => e(P::Cooperate, None, Verb, WITH),
        "mediate" => e(P::Cooperate, Some("mediate"), Verb, NONE),
        "normalize" | "normalise" | "restore" => n(
            e(P::Cooperate, None, Verb, WITH),
            Needs::Next(&["relations", "ties"]),
        ),
        // AID
        "send" => e(P::Aid, None, Verb, TO),
        "deliver" | "supply" | "provide" | "donate" => e(P::Aid, None, Verb, TO),
        "pledge" => c(e(P::Aid, None, Verb, TO), 0.6),
        // RETREAT
        "withdraw" | "retreat" => e(P::Retreat, None, Verb, NONE),
        "pull" => n(
            e(P::Retreat, None, Verb, NONE),
            Needs::Next(&["out", "back"]),
        ),
        // REQUEST
        "ask" => n(
            e(P::Request, None, Verb, &["to", "on", "from"]),
            Needs::Target,
        ),
        "urge" | "request" | "demand" => e(P::Request, None, Verb, &["to", "on", "from"]),
        "appeal" => n(
            e(P::Request, None, Verb, &["to", "on", "from"]),
            Needs::Next(&["to", "for"]),
        ),
        "press" | "pressure" => n(e(P::Request, None, Verb, NONE), Needs::Target),
        // ACCUSE
        "accuse" | "blame" | "condemn" | "criticize" | "criticise" | "denounce" | "slam"
        | "lambast" | "rebuke" | "decry" | "censure" | "castigate" => {
            e(P::Accuse, None, Verb, NONE)
        }
        "charge" => n(e(P::Accuse, None, Verb, NONE), Needs::Next(&["with"])),
        // REJECT
        "reject" | "veto" | "rebuff" => e(P::Reject, None, Verb, NONE),
        "refuse" => n(e(P::Reject, None, Verb, NONE), Needs::Target),
        "dismiss" => c(e(P::Reject, None, Verb, &["by"]), 0.6),
        "turn" => n(e(P::Reject, None, Verb, NONE), Needs::Next(&["down"])),
        "rule" => n(e(P::Reject, None, Verb, NONE), Needs::Next(&["out"])),
        "spurn" | "snub" => e(P::Reject, None, Verb, NONE),
        // THREATEN
        "threaten" => e(P::Threaten, None, Verb, NONE),
        // "vowed to retaliate against": a vow of violence is a threat
        "vow" => n(
            c(e(P::Threaten, None, Verb, NONE), 0.6),
            Needs::Next(&[
                "retaliate",
                "retaliation",
                "revenge",
                "avenge",
                "punish",
                "crush",
                "destroy",
            ]),
        ),
        "retaliate" => c(e(P::Assault, None, Verb, &["against", "on"]), 0.6),
        "warn" => c(e(P::Threaten, None, Verb, NONE), 0.65),
        // PROTEST
        "protest" | "demonstrate" => e(P::Protest, None, Verb, &["against", "to"]),
        "rally" => c(e(P::Protest, None, Verb, &["against"]), 0.6),
        "boycott" => e(P::Protest, None, Verb, NONE),
        "summon" => n(
            e(P::Protest, None, Verb, NONE),
            Needs::Next(&[
                "ambassador",
                "envoy",
                "charge",
                "chargé",
                "diplomat",
                "diplomats",
            ]),
        ),
        // SANCTION
        "sanction" | "blacklist" => e(P::Sanction, None, Verb, NONE),
        "freeze" => n(
            e(P::Sanction, None, Verb, NONE),
            Needs::Next(&["assets", "funds", "accounts", "reserves"]),
        ),
        "suspend" => n(
            e(P::Sanction, None, Verb, &["from", "with", "to"]),
            Needs::Next(&["imports", "exports", "trade", "flights"]),
        ),
        "cut" | "sever" => n(
            e(P::Sanction, None, Verb, WITH),
            Needs::Next(&["ties", "relations"]),
        ),
        "recall" => n(
            e(P::Sanction, None, Verb, &["to", "from"]),
            Needs::Next(&["ambassador", "envoy"]),
        ),
        // MOBILIZE
        "deploy" | "mobilize" | "mobilise" => e(P::Mobilize, None, Verb, NONE),
        "move" | "redeploy" | "dispatch" => n(
            e(P::Mobilize, None, Verb, NONE),
            Needs::Next(&[
                "troops",
                "forces",
                "soldiers",
                "tanks",
                "warships",
                "carrier",
                "carriers",
                "aircraft",
                "destroyers",
                "frigates",
                "submarines",
                "bombers",
                "jets",
                "battalions",
                "brigade",
                "brigades",
                "division",
            ]),
        ),
        "mass" | "station" | "reinforce" => n(
            e(P::Mobilize, None, Verb, NONE),
            Needs::Next(&[
                "troops", "forces", "soldiers", "tanks", "warships", "missiles",
            ]),
        ),
        // COERCE
        "arrest" | "detain" | "seize" | "expel" | "deport" | "abduct" | "kidnap" | "harass" => {
            e(P::Coerce, None, Verb, NONE)
        }
        "execute" | "jail" | "imprison" | "sentence" | "torture" => e(P::Coerce, None, Verb, NONE),
        "blockade" | "ban" => c(e(P::Coerce, None, Verb, NONE), 0.6),
        // "blocked roads" coerces no one: a party must be named
        "block" => n(c(e(P::Coerce, None, Verb, NONE), 0.6), Needs::Target),
        _ => return None,
    })
}

/// Noun lexicon, by singular form.
pub fn noun(word: &str) -> Option<Entry> {
    Some(match word {
        "attack" | "assault" | "raid" | "strike" | "offensive" => e(P::Assault, None, Noun, ON),
        // "the invasion of Ukraine": the object of "of" is the target
        "bombardment" | "invasion" | "siege" | "occupation" => e(P::Assault, None, Noun, ON_OF),
        "airstrike" | "air-strike" | "bombing" => e(P::Assault, Some("aerial"), Noun, ON),
        "missile" | "rocket" | "drone" => n(e(P::Assault, Some("aerial"), Noun, ON), Needs::Light),
        "conflict" | "war" => n(
            c(e(P::Assault, None, Noun, &["with", "against"]), 0.6),
            Needs::Target,
        ),
        "action" | "operation" => n(
            e(P::Assault, None, Noun, ON),
            Needs::Prev(&["military", "ground", "land", "air", "naval"]),
        ),
        "campaign" => n(
            e(P::Assault, None, Noun, ON),
            Needs::Prev(&["military", "bombing", "air"]),
        ),
        "incursion" => e(P::Assault, Some("ground"), Noun, ON),
        "shelling" => e(P::Assault, None, Noun, ON_OF),
        "fire" => n(
            e(P::Assault, None, Noun, ON),
            Needs::Prev(&[
                "exchanged",
                "exchange",
                "opened",
                "open",
                "opens",
                "opening",
            ]),
        ),
        "talk" | "discussion" | "negotiation" | "consultation" | "dialogue" => {
            e(P::Consult, None, Noun, WITH)
        }
        "meeting" | "summit" => e(P::Consult, Some("meet"), Noun, WITH),
        "visit" => e(P::Consult, Some("visit"), Noun, TO),
        "call" => n(
            e(P::Consult, Some("phone"), Noun, WITH),
            Needs::Prev(&["phone"]),
        ),
        "agreement" | "deal" | "accord" | "pact" | "treaty" | "memorandum" => {
            e(P::Agree, None, Noun, WITH)
        }
        // "voiced support for X"; "support for the party fell" is a poll figure
        "support" => n(e(P::Support, None, Noun, &["for"]), Needs::Light),
        "cooperation" => e(P::Cooperate, None, Noun, WITH),
        "exercise" | "drill" | "patrol" => {
            n(e(P::Cooperate, None, Noun, WITH), Needs::Prev(&["joint"]))
        }
        "aid" | "assistance" => e(P::Aid, None, Noun, TO),
        "withdrawal" => e(P::Retreat, None, Noun, &["from"]),
        "protest" | "demonstration" | "march" | "rally" => n(
            e(P::Protest, None, Noun, &["against", "with"]),
            Needs::Light,
        ),
        "sanction" | "tariff" | "embargo" => e(P::Sanction, None, Noun, &["on", "against"]),
        "control" | "ban" => n(
            e(P::Sanction, None, Noun, &["on", "against", "to", "for"]),
            Needs::Prev(&["export", "import"]),
        ),
        "accusation" | "condemnation" | "criticism" | "complaint" => {
            n(e(P::Accuse, None, Noun, &["of", "against"]), Needs::Target)
        }
        _ => return None,
    })
}

/// People who can be released or freed ("released 90 prisoners"; "released a new
/// version" is no concession).
pub fn is_people(w: &str) -> bool {
    matches!(
        w.trim_end_matches('s'),
        "prisoner"
            | "hostage"
            | "detainee"
            | "captive"
            | "crew"
            | "sailor"
            | "soldier"
            | "citizen"
            | "national"
            | "journalist"
            | "activist"
            | "fishermen"
            | "fisherman"
            | "worker"
            | "people"
            | "men"
            | "women"
            | "children"
            | "teacher"
            | "researcher"
            | "student"
            | "dissident"
            | "protester"
            | "opponent"
            | "member"
            | "civilian"
            | "body"
            | "bodie"
            | "pow"
            | "aid worker"
            | "reporter"
            | "tourist"
            | "captain"
            | "pilot"
            | "diplomat"
            | "officer"
            | "leader"
    )
}

/// Light verbs that pass their subject to a following event noun ("held talks").
pub fn is_light(lemma: &str) -> bool {
    matches!(
        lemma,
        "hold"
            | "carry"
            | "conduct"
            | "launch"
            | "stage"
            | "mount"
            | "sign"
            | "reach"
            | "impose"
            | "make"
            | "resume"
            | "begin"
            | "initiate"
            | "start"
            | "continue"
            | "order"
            | "fire"
            | "host"
            | "offer"
            | "pledge"
            | "voice"
            | "express"
            | "plan"
            | "organize"
            | "organise"
            | "exchange"
            | "provide"
            | "send"
            | "deliver"
            | "announce"
            | "unleash"
            | "step"
            | "escalate"
            | "involve"
            | "propose"
            | "approve"
            | "adopt"
            | "lodge"
            | "file"
            | "expand"
            | "intensify"
            | "widen"
            | "claim"
            // intentions pass their subject on; the modality cue says how certain
            | "prepare"
            | "weigh"
            | "consider"
            | "mull"
            | "seek"
            | "contemplate"
            | "initial"
            | "finalize"
            | "finalise"
            | "conclude"
            | "clinch"
            | "fight"
            | "wage"
    )
}

/// Verbs of travel: "travelled to Israel for talks" makes the traveller a party to
/// the talks.
pub fn is_travel(lemma: &str) -> bool {
    matches!(
        lemma,
        "travel" | "fly" | "head" | "arrive" | "go" | "come" | "return" | "land"
    )
}

/// Object-control verbs: in "urged Israel to withdraw" the object is the subject of
/// the infinitive; after other verbs ("summoned the ambassador to protest") the
/// subject of the main verb is.
pub fn is_control(lemma: &str) -> bool {
    matches!(
        lemma,
        "ask"
            | "urge"
            | "allow"
            | "permit"
            | "force"
            | "help"
            | "enable"
            | "persuade"
            | "order"
            | "tell"
            | "invite"
            | "encourage"
            | "push"
            | "press"
            | "pressure"
            | "compel"
            | "authorize"
            | "authorise"
            | "call"
            | "want"
            | "expect"
            | "warn"
            | "request"
            | "instruct"
            | "direct"
            | "lead"
            | "prompt"
    )
}

/// Candidate lemmas of a lowercased word, most likely first.
pub fn lemmas(w: &str) -> Vec<String> {
    let irregular = match w {
        "struck" | "striking" => Some("strike"),
        "met" => Some("meet"),
        "held" => Some("hold"),
        "sent" => Some("send"),
        "spoke" | "spoken" => Some("speak"),
        "withdrew" | "withdrawn" => Some("withdraw"),
        "hit" | "hitting" => Some("hit"),
        "cut" | "cutting" => Some("cut"),
        "freed" => Some("free"),
        "froze" | "frozen" => Some("freeze"),
        "fought" => Some("fight"),
        "made" => Some("make"),
        "began" | "begun" => Some("begin"),
        "agreed" => Some("agree"),
        "shot" => Some("shoot"),
        "led" => Some("lead"),
        "gave" | "given" => Some("give"),
        "took" | "taken" => Some("take"),
        "carried" => Some("carry"),
        "supplied" => Some("supply"),
        "rallied" => Some("rally"),
        "told" => Some("tell"),
        "said" => Some("say"),
        "flew" | "flown" => Some("fly"),
        "went" | "gone" => Some("go"),
        "came" => Some("come"),
        _ => None,
    };
    let mut out = Vec::with_capacity(6);
    if let Some(l) = irregular {
        out.push(l.to_string());
        return out;
    }
    out.push(w.to_string());
    if let Some(s) = w.strip_suffix("ies") {
        out.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ied") {
        out.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        out.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s') {
        if !w.ends_with("ss") {
            out.push(s.to_string());
        }
    }
    for suf in ["ed", "ing"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 2 {
                out.push(s.to_string());
                out.push(format!("{s}e"));
                let b = s.as_bytes();
                if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                    out.push(s[..s.len() - 1].to_string());
                }
            }
        }
    }
    if let Some(s) = w.strip_suffix('d') {
        if w.ends_with("ed") {
            out.push(s.to_string());
        }
    }
    out
}

/// Prepositions (a mention right after one of these is not a clause subject).
pub fn is_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "near"
            | "on"
            | "to"
            | "from"
            | "of"
            | "for"
            | "with"
            | "over"
            | "against"
            | "into"
            | "inside"
            | "outside"
            | "by"
            | "during"
            | "about"
            | "toward"
            | "towards"
            | "across"
            | "under"
            | "between"
            | "regarding"
            | "among"
            | "via"
            | "after"
            | "before"
            | "since"
            | "than"
            | "like"
            | "including"
            | "around"
            | "along"
            | "off"
            | "within"
    )
}

/// Locative prepositions: a place follows.
pub fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at" | "near" | "inside" | "outside" | "across" | "around" | "within"
    )
}

/// Words that end the clause an argument is searched in.
pub fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        ";" | ":"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "but"
            | "when"
            | "unless"
            | "if"
            | "before"
            | "after"
            | "once"
            | "where"
            | "despite"
            | "("
            | ")"
    )
}

/// Subject pronouns resolved to the nearest earlier subject of the sentence.
pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "it" | "he" | "she" | "they" | "we")
}

/// Reporting verbs (the speaker is an attribution).
pub fn is_report(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "reported"
            | "reports"
            | "report"
            | "told"
            | "confirmed"
            | "confirms"
            | "noted"
            | "added"
            | "announced"
            | "claimed"
            | "claims"
            | "stated"
            | "estimates"
            | "insisted"
            | "quoted"
            | "reportedly"
            | "allegedly"
            | "alleged"
    )
}

/// Words that make an event planned (scheduled).
pub fn is_plan(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "scheduled"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "intends"
            | "intend"
            | "upcoming"
            | "expected"
            | "set"
            | "due"
            | "slated"
            | "prepares"
            | "preparing"
            | "prepare"
            | "prepared"
    )
}

/// Lexical possibility cues (discussed, considered, the possibility of).
pub fn is_possible(w: &str) -> bool {
    matches!(
        w,
        "consider"
            | "considers"
            | "considering"
            | "considered"
            | "weigh"
            | "weighs"
            | "weighing"
            | "mull"
            | "mulls"
            | "mulling"
            | "possibility"
            | "possible"
            | "potential"
            | "prospect"
            | "option"
            | "options"
            | "favor"
            | "favour"
            | "any"
            | "future"
            | "idea"
            | "proposal"
            | "proposed"
            | "discussing"
            | "discussed"
            | "interest"
            | "efforts"
            | "seeking"
            | "sought"
            | "seek"
            | "seeks"
            | "hopes"
            | "hope"
            | "wants"
            | "want"
            | "exploring"
            | "whether"
            // attempts: "trying to broker talks"
            | "trying"
            | "tries"
            | "tried"
            | "attempt"
            | "attempting"
            | "attempted"
            // hedges: "is unlikely to", "is believed to have", "ready to negotiate"
            | "unlikely"
            | "likely"
            | "believed"
            | "suspected"
            | "ready"
            | "willing"
    )
}

/// Bare modals: possible alone, conditional with an "if" clause.
pub fn is_modal(w: &str) -> bool {
    matches!(w, "could" | "would" | "might" | "may" | "can")
}

/// Threat cues governing an embedded event.
pub fn is_threat(w: &str) -> bool {
    matches!(
        w,
        "threatened"
            | "threatens"
            | "threaten"
            | "threatening"
            | "warned"
            | "warns"
            | "warn"
            | "vowed"
            | "vows"
    )
}

/// Negation cues.
pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "never"
            | "no"
            | "cannot"
            | "denied"
            | "denies"
            | "deny"
            | "denying"
            | "refused"
            | "refuses"
            | "refuse"
            | "declined"
            | "declines"
            | "failed"
            | "fails"
            | "without"
            | "neither"
            | "nor"
            // "cancelled his meeting with": the event will not happen
            | "cancelled"
            | "canceled"
            | "cancels"
            | "scrapped"
    ) || w.ends_with("n't")
        || w.ends_with("n\u{2019}t")
}

/// Adjectives that come before a place name ("to northern Gaza"), so that "to" before
/// them is a preposition, not an infinitive.
pub fn is_name_adjective(w: &str) -> bool {
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "occupied"
            | "besieged"
            | "neighbouring"
            | "neighboring"
            | "war-torn"
            | "rebel-held"
            | "both"
            | "all"
            | "several"
            | "other"
            | "each"
            | "many"
    )
}

/// Collectives too vague to be a party to an event ("European leaders", "Western
/// officials"): their group actors are never source or target.
pub fn is_vague_collective(actor: &str) -> bool {
    matches!(actor, "group:europeans" | "group:westerners")
}

/// Forms of "be" (passive voice and progressive).
pub fn is_be(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be")
}
