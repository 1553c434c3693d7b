//! "it" as an organization's or a country's pronoun: linked where it is an actor verb's
//! subject, the subject of a clause an actor verb reports, or the addressee of a verb; to the
//! actor its sentence or the sentence before is about; never to its own clause's subject as
//! an addressee; and left alone where it is a thing or an expletive.

mod common;

use common::{dump, mentions_of, run};
use sitrep_doc::MentionForm;

/// (text, the pronoun's exact text (its first mention is checked), the entity's name)
const LINKED: &[(&str, &str, &str)] = &[
    (
        "Hamas said it fired rockets at Israel on Monday.",
        "it",
        "Hamas",
    ),
    (
        "Hamas fired rockets at Israel. Israel accused it of targeting civilians.",
        "it",
        "Hamas",
    ),
    (
        "The European Union imposed sanctions on Belarus. It also froze the assets of officials.",
        "It",
        "European Union",
    ),
    ("Russia said it would retaliate.", "it", "Russia"),
    (
        "The World Health Organization urged China to share data. China said it had shared all of it.",
        "it",
        "China",
    ),
    (
        "NATO met in Brussels on Tuesday. It warned that the threat was growing.",
        "It",
        "NATO",
    ),
    (
        "Iran seized a tanker in the Gulf. Britain urged it to release the crew.",
        "it",
        "Iran",
    ),
    // After the report: the source is in the sentence before, not in the report.
    (
        "The IMF published its outlook on Tuesday. Ireland and Malta will grow fastest, it said.",
        "it",
        "International Monetary Fund",
    ),
    // The subject, not its possessor.
    (
        "Japan's Nippon Steel said it would raise prices.",
        "it",
        "Nippon Steel",
    ),
];

/// (text, the pronoun with the words after it, to find it): no mention there.
const UNLINKED: &[(&str, &str)] = &[
    ("It is unclear whether Iran will attend the talks.", "It is"),
    (
        "The UN condemned the attack. It was the third this year.",
        "It was",
    ),
    (
        "It will take time to rebuild, the mayor of Kharkiv said.",
        "It will",
    ),
    (
        "Protesters marched on parliament. It said nothing.",
        "It said",
    ),
    ("Iran rejected the plan and called it a trap.", "it a"),
    // A subject of an earlier clause is not the subject of this one.
    (
        "Israel's army said it struck targets across Lebanon before dawn on Sunday, \
         and the Iran-backed group said it fired rockets.",
        "it fired",
    ),
    // The subject inside a quotation is not the speaker "it" stands for.
    (
        "\"Google has let itself be used by Beijing,\" it said.",
        "it said",
    ),
    // The subject is no known actor: not the possessor, not the adjective's country.
    (
        "Japan's biggest steelmaker said it would raise prices.",
        "it would",
    ),
    (
        "Shares in Australian airline Virgin Blue fell after it warned of losses.",
        "it warned",
    ),
    (
        "The Gizmondo went on sale in the UK last week. It hopes to win a share of the market.",
        "It hopes",
    ),
];

#[test]
fn it_stands_for_the_actor_of_its_sentence_or_the_one_before() {
    let mut failures = Vec::new();
    for &(text, pronoun, name) in LINKED {
        let doc = run(text);
        let got = mentions_of(&doc, pronoun)
            .first()
            .map(|m| (m.form, m.entity.map(|e| doc.entity(e).name.clone())));
        if got != Some((MentionForm::Pronoun, Some(name.to_string()))) {
            failures.push(format!(
                "{text:?}: {pronoun:?} gave {got:?}\n{}",
                dump(&doc)
            ));
        }
    }
    for &(text, at) in UNLINKED {
        let doc = run(text);
        let start = text.find(at).expect("the case names its pronoun");
        if doc.mentions.iter().any(|m| m.span.start() == start) {
            failures.push(format!("{text:?}: {at:?} linked\n{}", dump(&doc)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
