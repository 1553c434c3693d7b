//! Tables of cases for actors read from the dependency tree: sentences written for this test
//! run through the standard chain with the parser (segment, dates, tagger, parser, names,
//! quotes, events), each with the events it must give and the actor codes it must not give.
//! A failure also shows what the same sentence gives without the parser.

mod common;

use common::{chain, check_with_and_without_the_parser, coded, dyads};
use sitrep_doc::Document;

/// "CODE:SRC>TGT" per event the coder found, sorted. Statements coded from a quotation's
/// cue are left out: their source is the speaker the quotes stage chose.
fn summary(d: &Document) -> Vec<String> {
    dyads(d, |e| e.quote.is_none() || !e.rule.contains("cue"))
}

/// (what the case is about, sentence, events that must be there, actor codes that must not
/// appear as a source or target).
const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "passive with an agent",
        "Ukraine was invaded by Russia on Thursday.",
        &["192:RUS>UKR"],
        &[],
    ),
    (
        "passive whose pattern words are in the subject",
        "New sanctions were imposed on Iran by Canada.",
        &["163:CAN>IRN"],
        &[],
    ),
    (
        "reduced relative: the agent is the target of the condemnation",
        "Australia condemned the export ban imposed by China.",
        &["111:AUS>CHN"],
        &[],
    ),
    (
        "apposition: the named official stands for the title",
        "Egypt's foreign minister, Sameh Shoukry, criticized Israel on Monday.",
        &["111:EGYGOV>ISR"],
        &[],
    ),
    (
        "'her' before a noun is a possessive determiner (the tagger's lemma is 'she')",
        "Indonesian Foreign Minister Retno Marsudi held talks with her Malaysian counterpart on Thursday.",
        &["046:IDNGOV>MYSGOV"],
        &["IDNGOV>IDNGOV"],
    ),
    (
        "a participial adjective after 'with' opens the phrase",
        "Chinese President Hu Jintao met with visiting Pakistani President Asif Ali Zardari on Tuesday.",
        &["040:CHNGOV>PAKELI"],
        &[],
    ),
    (
        "a gerund after 'with' stays a verb (only participial adjectives open a phrase)",
        "Egypt charged Israeli troops with shelling a border post.",
        &["173:EGY>ISRMIL"],
        &[],
    ),
    (
        "modifier versus head: a place inside a modifier is not the actor",
        "The Paris-based press freedom group accused Egypt of jailing reporters.",
        &[],
        &["FRA"],
    ),
    (
        "modifier versus head: a place inside a longer name is not the actor",
        "Lima Group ministers condemned Venezuela on Friday.",
        &[],
        &["PER"],
    ),
    (
        "a possessive determiner opens its phrase: 'his Ugandan counterpart' is one actor",
        "Kenyan President Paul Otieno and his Ugandan counterpart Joseph Okello signed a trade pact.",
        &["057:KENGOV>UGAGOV", "057:UGAGOV>KENGOV"],
        &[],
    ),
    (
        "an attributive -ing word keeps its phrase whole: the counterpart is the target",
        "Chinese President Li Wei held talks with his visiting Pakistani counterpart Ahmed Karim on Monday.",
        &["046:CHNGOV>PAKGOV"],
        &[],
    ),
    (
        "coordination of subjects",
        "France and Germany condemned Iran.",
        &["111:DEU>IRN", "111:FRA>IRN"],
        &[],
    ),
    (
        "coordination of verbs shares the subject",
        "Japan praised Vietnam and criticized China.",
        &["051:JPN>VNM", "111:JPN>CHN"],
        &[],
    ),
    (
        "xcomp chain: the subject of the governing verb",
        "Norway decided to expel two Russian diplomats.",
        &[],
        &["NOR>NOR"],
    ),
    (
        "oblique of the preposition the pattern names",
        "Turkey held talks with Sweden in Ankara.",
        &["046:TUR>SWE"],
        &[],
    ),
    (
        "a neighbouring name in an adjunct is not the subject",
        "After the meeting in Beijing, Brazil accused Argentina of dumping steel.",
        &["112:BRA>ARG"],
        &["CHN"],
    ),
];

#[test]
fn actors_come_from_the_tree() {
    let with = chain(true);
    let without = chain(false);
    let mut failures = Vec::new();
    for (what, text, want, never) in CASES {
        let d = coded(&with, text);
        assert!(d.has_deps(), "{what}: the parser ran");
        let got = summary(&d);
        let missing: Vec<&&str> = want
            .iter()
            .filter(|w| !got.iter().any(|g| g == *w))
            .collect();
        let wrong: Vec<&String> = got
            .iter()
            .filter(|g| never.iter().any(|n| g.contains(n)))
            .collect();
        if !missing.is_empty() || !wrong.is_empty() {
            let window = summary(&coded(&without, text));
            failures.push(format!(
                "{what}: {text:?}\n   missing {missing:?}, wrong {wrong:?}, got {got:?} \
                 (without the parser: {window:?})"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Statements of the seed's shapes (issue 17 case table: the named officials are the
/// sources of their statements; issue 12: a statement codes what its verb says, a bare
/// "said" is no event), with the parser and without it (the POS-window analysis): both must
/// give the events listed and none of the codes that must not appear.
const STATEMENTS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "an official's indirect statement: his denial, no second 010",
        "Russian Deputy Foreign Minister Sergei Ryabkov said Moscow had no plans to invade Ukraine.",
        &["016:RUSGOV>UKR"],
        &["010:", "19", "USA"],
    ),
    (
        "a spokesman's quotation after its cue: his offer",
        "\"We are ready to continue talks with Russia,\" State Department spokesman Ned Price said on Monday.",
        &["036:USAGOV>RUS"],
        &["010:"],
    ),
    (
        "a cue verb that says more: a warning with its target",
        "\"This cannot go on,\" US Deputy Secretary of State Wendy Sherman warned Russia.",
        &["012:USA"],
        &["010:"],
    ),
    (
        "a bare statement about no one codes nothing",
        "\"The conversation was long and difficult,\" Ryabkov said.",
        &[],
        &["010:"],
    ),
];

#[test]
fn statement_sources_with_and_without_the_parser() {
    check_with_and_without_the_parser(STATEMENTS);
}

/// Wire leads whose subject the tagger misreads, through the whole chain.
const LEADS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "a noun read as an adjective after a possessive: the verb after it is the predicate",
        "Myanmar's military seized power on Monday and detained the country's elected leader, declaring a state of emergency.",
        &["173:MMRMIL>", "1724:MMRMIL"],
        &[],
    ),
    (
        "the same lead after a dateline",
        "YANGON, Feb 2 (Reuters) - Myanmar's military seized power and detained the country's elected leader.",
        &["173:MMRMIL>"],
        &[],
    ),
];

#[test]
fn lead_sentences_with_and_without_the_parser() {
    check_with_and_without_the_parser(LEADS);
}

/// Reactions whose object names an earlier act: the act's author is the target.
const REACTIONS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "a decision: the source of the act before it",
        "The European Union imposed new sanctions on Iran on Friday. Iran's foreign ministry condemned the decision.",
        &["111:IRNGOV>IGOEUREEC"],
        &[],
    ),
    (
        "the act reported with the noun's own verb, before a later act of the same kind",
        "Turkish jets struck targets in northern Iraq on Monday. Kurdish rebels fired rockets at a Turkish base. Iraq condemned the strikes.",
        &["111:IRQ>TUR"],
        &["111:IRQ>KUR", "111:IRQ>REB"],
    ),
    (
        "an act done to the reacting side before a later act done to others",
        "The United States imposed sanctions on Turkey on Monday. The European Union expelled two Russian diplomats on Tuesday. Ankara condemned the move.",
        &["111:TURGOV>USA"],
        &["111:TURGOV>IGO"],
    ),
    (
        "a denial of 'it': the accuser of the one denying",
        "Azerbaijan accused Armenia of shelling villages near the border. Armenia denied it.",
        &["016:ARM>AZE"],
        &[],
    ),
    (
        "a denial of 'it' by one not accused names no accuser",
        "Azerbaijan accused Armenia of shelling villages near the border. Russia denied it.",
        &["016:RUS"],
        &["RUS>AZE"],
    ),
    (
        "claims denied: the claimant's accusation",
        "Russia accused Ukraine of attacking the nuclear plant. Ukraine denied the claims.",
        &["016:UKR>RUS"],
        &[],
    ),
    (
        "an accusation: the accuser",
        "Human Rights Watch accused Kenyan police of abuses. The Kenyan government rejected the accusation.",
        &["016:KENGOV>NGOHRI"],
        &[],
    ),
    (
        "a noun that names no act of its kind before it stays without a target",
        "Iran praised Iraq on Monday. France condemned the verdict.",
        &["111:FRA>"],
        &["FRA>IRN"],
    ),
    (
        "an object that names its author itself, and a fellow reactor, are not the author",
        "Sri Lanka accepted the Paris Club offer on Monday. Thailand declined the offer.",
        &[],
        &["THA>LKA"],
    ),
    (
        "a welcome of the sanctions: praise of their author",
        "The European Union imposed new sanctions on Iran on Friday. Ukraine's foreign minister welcomed the sanctions.",
        &["051:UKRGOV>IGOEUREEC"],
        &[],
    ),
    (
        "a welcome of a ceasefire: its parties",
        "Israel and Hamas agreed to a ceasefire on Sunday. Egypt welcomed the ceasefire.",
        &["051:EGY>"],
        &[],
    ),
    (
        "a noun specified after it is not the earlier act",
        "Iran attacked Iraq. Syria defended the decision to attack the rebels.",
        &[],
        &["SYR>IRN"],
    ),
];

/// Reactions named by a noun with their author after "from".
const REACTION_NOUNS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "the seed's shape: objections from the United States, inside a quotation",
        "According to Ryabkov, the topic of legal guarantees for NATO provoked \"serious objections\" from the United States.",
        &["120:USA"],
        &["USA>IGO"],
    ),
    (
        "the subject of the carrying verb is the target",
        "Russia's proposal drew sharp criticism from Germany on Monday.",
        &["111:DEU>RUS"],
        &[],
    ),
    (
        "a participle after the act: the act's author is the target",
        "Iran tested a ballistic missile on Sunday, drawing swift condemnation from France.",
        &["111:FRA>IRN"],
        &[],
    ),
    (
        "a move that drew ...: the author of the act before it",
        "Hungary vetoed the aid package, in a move that drew criticism from Germany.",
        &["111:DEU>HUN"],
        &[],
    ),
    (
        "a subject of its own: the act before it is not what the reaction answers",
        "Russia invaded Ukraine, and the Chinese plan drew objections from Germany.",
        &["120:DEU"],
        &["120:DEU>RUS"],
    ),
    (
        "a negated carrier is no reaction",
        "The plan did not draw criticism from Germany.",
        &[],
        &["111:"],
    ),
];

#[test]
fn reaction_nouns_with_their_author() {
    check_with_and_without_the_parser(REACTION_NOUNS);
}

#[test]
fn reactions_take_the_author_of_the_act_they_name() {
    check_with_and_without_the_parser(REACTIONS);
}

/// Collective addressees (`collective.rs`): "both sides", "the two countries" are the two
/// actors of the latest earlier act of conflict between two others; without one, an appeal
/// to them names no one and is not coded.
const COLLECTIVE: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "both sides of an exchange of fire",
        "India and Pakistan traded fire across the border. China called on both sides to exercise restraint.",
        &["020:CHN>IND", "020:CHN>PAK"],
        &[],
    ),
    (
        "the two countries of a shelling",
        "Azerbaijani troops shelled Armenian villages on Tuesday. The European Union urged the two countries to hold talks.",
        &["026:IGOEUREEC>AZE", "026:IGOEUREEC>ARM"],
        &[],
    ),
    (
        "no conflict named before: no one",
        "China called on both sides to exercise restraint.",
        &[],
        &["020:CHN"],
    ),
    (
        "a party of the conflict is not one of the sides it addresses",
        "Serbia accused Kosovo of provoking the violence. Kosovo called on both sides to show restraint.",
        &[],
        &["KSV>KSV", "020:KSV>SRB"],
    ),
];

#[test]
fn collective_addressees_are_the_two_sides() {
    check_with_and_without_the_parser(COLLECTIVE);
}

/// When the pattern's slots yield no target: the first actor inside the object phrase and
/// its "of" / "towards" / "against" complements, or inside a location phrase naming an embassy; never for a
/// statement, from a relative clause or from a "by" agent.
const INSIDE_THE_OBJECT: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "an actor in the object's of-complement",
        "China banned imports of Japanese seafood on Thursday.",
        &["163:CHN>JPN"],
        &[],
    ),
    (
        "an embassy in a location phrase",
        "South Korean activists protested outside the Japanese embassy in Seoul.",
        &["140:KORCVL>JPN"],
        &[],
    ),
    (
        "a relative clause inside the object names no target",
        "Iran accused the government that Russian officials had praised of lying.",
        &[],
        &["IRN>RUS"],
    ),
    (
        "a place that begins a longer name inside the object is no target",
        "Indonesia and Sri Lanka accepted the Paris Club offer on Monday.",
        &[],
        &["FRA"],
    ),
    (
        "a possessive inside the object is the target",
        "The IMF approved Sri Lanka's request for a freeze on repayments.",
        &["051:IGOBUSIMF>LKA"],
        &[],
    ),
    (
        "an actor after 'towards' the object noun aims at",
        "NATO leaders endorsed a tougher policy towards Russia on Thursday.",
        &["051:IGOWSTNAT>RUS"],
        &[],
    ),
    (
        "an actor after 'toward'",
        "EU ministers backed a new approach toward Iran.",
        &["051:IGOEUREEC>IRN"],
        &[],
    ),
    (
        "a phrase after a preposition that is not in the chain names no target",
        "Germany imposed sanctions on Iran against the advice of France.",
        &["163:DEU>IRN"],
        &[">FRA"],
    ),
    (
        "a statement takes no target from its object",
        "The ministry said Chinese troops were in the area.",
        &[],
        &[">CHN"],
    ),
];

#[test]
fn targets_inside_the_object_phrase() {
    check_with_and_without_the_parser(INSIDE_THE_OBJECT);
}

/// Appositions: "TITLE NAME, a/the NP," is one actor. Two phrases joined by a comma alone
/// are not a list; the named member stands for the actor (a nationality in the appositive
/// phrase is not the person's affiliation), coded once. Lists of three or more, and lists
/// with a serial comma ("A, B, and C"), stay lists.
const APPOSITIONS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "an appositive after a titled name is not a second source",
        "UN mediator Jan Olsen, a Danish diplomat, met rebel leaders in Juba.",
        &["040:IGOUNO"],
        &["DNK"],
    ),
    (
        "a former post in the appositive is not a second source",
        "EU envoy Maria Rossi, a former Italian foreign minister, criticised the government of Sudan.",
        &["111:IGOEUREEC>SDNGOV"],
        &["ITA"],
    ),
    (
        "an apposition in the object is one target",
        "The Kenyan president met UN envoy Jan Olsen, a Danish diplomat, in Nairobi.",
        &["040:KENGOV>IGOUNO"],
        &["DNK"],
    ),
    (
        "a title phrase and the name in apposition",
        "Sweden's foreign minister, Anna Berg, visited Kenya on Monday.",
        &["042:SWEGOV>KEN"],
        &[],
    ),
];

#[test]
fn an_apposition_is_one_actor() {
    check_with_and_without_the_parser(APPOSITIONS);
}

/// Lists stay lists beside the apposition rule (the POS-window analysis: the parse of a
/// subject list is not yet read member by member, a known gap).
const LISTS: &[(&str, &[&str])] = &[
    (
        "Germany, France and Italy condemned the coup in Niger.",
        &["111:DEU>NER", "111:FRA>NER", "111:ITA>NER"],
    ),
    (
        "Russia, China, and Iran condemned the air strikes.",
        &["111:RUS>", "111:CHN>", "111:IRN>"],
    ),
    (
        "Sanctions were imposed on Iran, Syria, and Venezuela by Canada.",
        &["163:CAN>IRN", "163:CAN>SYR", "163:CAN>VEN"],
    ),
];

#[test]
fn lists_stay_lists_without_the_parser() {
    let ch = chain(false);
    for (text, want) in LISTS {
        let got = summary(&coded(&ch, text));
        for w in *want {
            assert!(
                got.iter().any(|g| g == w),
                "{text:?}: missing {w}, got {got:?}"
            );
        }
    }
}

/// A mediator named by "by" after a participle ("a ceasefire brokered by Egypt") is the
/// third party of the act, not the other side of the main verb's event (`mediator_by`).
const MEDIATORS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "the parties of a brokered ceasefire are each other's targets",
        "Israel and Hamas agreed to a ceasefire brokered by Qatar on Sunday.",
        &[],
        &[">QAT"],
    ),
    (
        "a welcome of a brokered truce does not target the broker",
        "Sudan welcomed the truce brokered by Saudi Arabia.",
        &[],
        &[">SAU"],
    ),
];

#[test]
fn a_mediator_is_not_the_target() {
    check_with_and_without_the_parser(MEDIATORS);
}

/// A partitive subject ("Hundreds of demonstrators clashed with police") is the subject:
/// the verb after it is its predicate, not a participle describing the "of" noun.
const PARTITIVES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "a partitive that opens the sentence",
        "Thousands of demonstrators clashed with police in Dhaka on Sunday.",
        &["145:BGD"],
        &[],
    ),
    (
        "a gerund after a partitive still describes its noun",
        "The number of Americans filing lawsuits against Iran rose sharply.",
        &[],
        &["115"],
    ),
    (
        "a participle after an object's of-phrase still describes it",
        "Police arrested dozens of activists accused of vandalism in Minsk.",
        &["173:BLRCOP"],
        &["112"],
    ),
];

#[test]
fn a_partitive_subject_is_the_subject() {
    check_with_and_without_the_parser(PARTITIVES);
}

/// A place "around", "near" or "off" which a target lies names its country, as "in" does
/// ("fired missiles into waters around Taiwan"); not for a source ("troops near Kyiv").
const NEAR_PLACES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "waters around a country",
        "North Korea fired two missiles into waters around Japan on Monday.",
        // Missiles fired into the sea are a show of force (150), not an attack (verbs.tsv).
        &["150:PRK>JPN"],
        &[],
    ),
    (
        "targets near a city",
        "Israeli aircraft struck targets near Damascus.",
        &["195:ISRMIL>SYR"],
        &[],
    ),
    (
        "a source near a place is not that place's",
        "Troops near Kharkiv shelled a village in Belgorod.",
        &[],
        &["UKRMIL"],
    ),
];

#[test]
fn a_target_near_a_place_is_in_its_country() {
    check_with_and_without_the_parser(NEAR_PLACES);
}
