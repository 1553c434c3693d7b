//! Tables of cases for issue 12's recall classes, through the standard chain (segment,
//! dates, tagger, names, quotes, events; with and without the parser): sentences written for
//! this test, each with the events it must give and the codes it must not give.
//! - lemmas of doubled consonants and "-oed" forms ("expelled", "vetoed");
//! - agent nouns as actors, with the country the sentence gives them (`agents.rs`), and
//!   unknown perpetrators of violence coded with an empty source;
//! - targets named by the pattern's own words ("expelled two Russian diplomats");
//! - coordinated actors of mutual acts ("Georgian and Russian troops clashed");
//! - armed groups' nouns ("militants") as the armed group named before; "fired on";
//! - Phoenix's armed groups recognized as organizations, and an article without a country
//!   taking the country of a political organization it names;
//! - the article's main place as the last source of an agent's country; for political roles
//!   (`GOV`, `LEG`, `JUD`) the dateline's country, else the country the article names most.
//! - people at large ("thousands of people", "students") as the source of their protest.

mod common;

use common::check_with_and_without_the_parser;

/// (what the case is about, sentence, events that must be there, strings no event may
/// contain).
const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "the place of another clause is not the place of the agent's act",
        "MOSCOW (Wire) - The court jailed a blogger over a video in which he criticised the war in Ukraine.",
        &["173:RUSJUD"],
        &["UKRJUD"],
    ),
    (
        "lemma: a doubled final l of a two-syllable verb",
        "Lithuania expelled two Russian diplomats.",
        &["161:LTU>RUSGOV"],
        &[],
    ),
    (
        "lemma: an -oed past form",
        "China vetoed the resolution on Syria.",
        &["129:CHN"],
        &[],
    ),
    (
        "partitive agent subject, country from the place of the act",
        "Thousands of demonstrators rallied in Minsk against the new law.",
        &["141:BLROPP"],
        &[],
    ),
    (
        "agent with an attached place; the target takes the country of a domestic act",
        "Police in Nairobi detained dozens of protesters outside parliament.",
        &["173:KENCOP>KENOPP"],
        &[],
    ),
    (
        "tear gas: the other side's country",
        "Kenyan police fired tear gas at protesters.",
        &["175:KENCOP>KENOPP"],
        &[],
    ),
    (
        "unknown perpetrators: violence with an empty source",
        "Two attackers stabbed three people at a market in Lyon.",
        &["182:>"],
        &[],
    ),
    (
        "a suicide bomber is a perpetrator, not an aircraft",
        "A suicide bomber killed nine people at a checkpoint in Mogadishu.",
        &["18"],
        &["MIL"],
    ),
    (
        "the role of an agent distributed over its coordinated of-phrase",
        "Argentina hosted the presidents of Chile and Peru.",
        &["043:ARG>CHLGOV", "043:ARG>PERGOV"],
        &[],
    ),
    (
        "armed groups: the place of the attack is not their country",
        "Rebels attacked several towns in southern Chad.",
        &["190:REB>TCD"],
        &["TCDREB"],
    ),
    (
        "business nouns make no actor",
        "The company said investors welcomed the deal with Japan.",
        &[],
        &["BUS"],
    ),
    (
        "both sides from the place",
        "Protesters clashed with police in Caracas.",
        &["145:VENOPP>VENCOP"],
        &[],
    ),
    (
        "coordinated nationality adjectives share the agent noun; a mutual act needs no 'with'",
        "Georgian and Russian troops clashed near the border.",
        &["190:GEOMIL>RUSMIL", "190:RUSMIL>GEOMIL"],
        &[],
    ),
    (
        "a sentence with only agent nouns: the country of the article's dateline",
        "YANGON, Feb 2 (Reuters) - Police detained 35 protesters on Thursday, the interior ministry said.",
        &["173:MMRCOP>MMROPP"],
        &[],
    ),
    (
        "a place's country in CAMEO's own code where it differs from ISO (Kosovo KSV, not XKX)",
        "PRISTINA, May 2 (Wire) - Police detained 12 protesters on Monday, the interior ministry said.",
        &["173:KSVCOP>KSVOPP"],
        &["XKX"],
    ),
    (
        "the other side's country comes before the dateline's",
        "NAIROBI, Feb 2 (Reuters) - Ugandan police fired tear gas at opposition supporters in Kampala on Thursday.",
        &["175:UGACOP>UGAOPP"],
        &["KEN"],
    ),
    (
        "an armed group's violence does not take the dateline's country",
        "JERUSALEM, Feb 2 (Reuters) - Militants fired rockets at towns in the south on Thursday.",
        &["19"],
        &["ISRUAF"],
    ),
    (
        "no dateline: a political role takes the country the article names most, not that of its only city",
        "Britain will tighten its asylum rules, British ministers said. Charities compared the plan to a law passed in Amsterdam. The government criticised the charities.",
        &["111:GBRGOV"],
        &["NLDGOV"],
    ),
    (
        "a dateline: a political role takes the dateline's country, not that of the country named most",
        "KYIV, Feb 2 (Reuters) - The government rejected the demands on Thursday. Russia and Belarus had made them in a letter to Kyiv, Russia said.",
        &["120:UKRGOV"],
        &["RUSGOV", "BLRGOV"],
    ),
    (
        "an armed group's noun without a country is the armed group named before",
        "MOGADISHU, March 3 (Reuters) - Al Shabaab fighters attacked an army base on Monday. Somali troops later killed six militants in a raid.",
        &["190:SOMREB>", "190:SOMMIL>SOMREB"],
        &[],
    ),
    (
        "an armed group named many sentences back is not whom an armed group's noun stands for",
        "In the seventies the Red Brigades kidnapped a former prime minister. The decade ended. A new decade began. Prices rose. Wages rose too. Cities grew. Trains got faster. Schools got bigger. Farms got smaller. Today the terrorists threaten Britain.",
        &[],
        &["ITAREB>GBR"],
    ),
    (
        "troops fired on demonstrators: a violent act on a civil group of their own country",
        "Sudanese troops fired on demonstrators in Khartoum.",
        &["190:SDNMIL>SDNOPP"],
        &[],
    ),
    (
        "an article that names no country: the country of the political organization it names",
        "The president offered talks to Boko Haram on Monday.",
        &["036:NGAGOV>NGAREB"],
        &[],
    ),
    (
        "an organization right before an agent noun is its actor, not the dateline's country",
        "BRUSSELS, Jan 26 (Reuters) - European Union foreign ministers condemned Russia on Monday.",
        &["111:IGOEUREEC>RUS"],
        &["BELGOV"],
    ),
    (
        "an agent noun alone in a datelined story keeps the dateline's country",
        "BRUSSELS, Jan 26 (Reuters) - The government condemned Russia on Monday.",
        &["111:BELGOV>RUS"],
        &[],
    ),
    (
        "an international source's target does not take the dateline's country",
        "BRUSSELS, Jan 26 (Reuters) - The European Union froze the assets of six officials on Friday.",
        &[],
        &["BELGOV"],
    ),
    (
        "a state's or a group's target does take it",
        "NAIROBI, March 12 (Reuters) - Al Shabaab fighters attacked a police post on Monday.",
        &["190:SOMREB>KENCOP"],
        &[],
    ),
    (
        "a political group as the target of any act takes the dateline's country",
        "CARACAS, May 3 (Reuters) - The Venezuelan president accused the opposition of plotting a coup.",
        &["112:VENGOV>VENOPP"],
        &[],
    ),
    (
        "other roles name no one as the target of a non-violent act",
        "WASHINGTON, May 3 (Reuters) - The United States will send 200 soldiers to Poland.",
        &[],
        &["USAMIL"],
    ),
    (
        "an agent whose of-phrase names another actor stays that actor's",
        "Leaders of the Kurdish opposition party condemned Turkey.",
        &["111:"],
        &[":GOV"],
    ),
];

#[test]
fn recall_classes_of_issue_12() {
    check_with_and_without_the_parser(CASES);
}

/// Heads that stand for their operators (`agents.rs`, `OPERATED_HEADS`, `MILITARY_HEADS`):
/// vessels and aircraft after an agent are that agent; arms that only armed forces run,
/// after a country, are its military; a noun before the head ("think tank") is no operator.
const OPERATORS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "vessels after an agent of the dictionary (coast guard: MIL)",
        "Chinese coast guard vessels fired water cannon at a Philippine boat.",
        &["175:CHNMIL>PHL"],
        &[],
    ),
    (
        "drones after a country are its military",
        "Ukrainian drones attacked an oil refinery in Russia.",
        &["195:UKRMIL>RUS"],
        &[],
    ),
    (
        "tanks after a country are its military",
        "Israeli tanks shelled the outskirts of Rafah.",
        &["194:ISRMIL"],
        &[],
    ),
    (
        "helicopters after an agent are that agent",
        "Indian army helicopters attacked rebel camps in Manipur.",
        &["195:INDMIL"],
        &[],
    ),
    (
        "an armed group's drones stay the group's",
        "Houthi drones attacked a Saudi oil facility.",
        &[],
        &["MIL>"],
    ),
    (
        "a drone strike stands for the country's military; its killing is an air strike (195)",
        "A Turkish drone strike killed two Kurdish commanders in northern Iraq.",
        &["195:TURMIL"],
        &[],
    ),
    (
        "missiles after a country are its military",
        "Russian missiles struck the city of Odesa overnight.",
        &["190:RUSMIL"],
        &[],
    ),
    (
        "a strike with no arm before it is no weapon",
        "A French strike paralysed the railways on Monday.",
        &[],
        &["FRAMIL"],
    ),
    (
        "strikes without a country name no one",
        "Iran condemned the air strikes on Monday.",
        &["111:IRN"],
        &["MIL"],
    ),
    (
        "a tank after a noun is no weapon",
        "A Canadian think tank criticised the government of Egypt.",
        &[],
        &["CANMIL"],
    ),
];

#[test]
fn heads_that_stand_for_their_operators() {
    check_with_and_without_the_parser(OPERATORS);
}

/// A state organ addressed by words (appeal, demand, criticism, threat: CAMEO 01, 02,
/// 10-13) is the article's state (`stage.rs`, `ADDRESSED_ROLES`): "called on the government
/// to ...". Not inside another phrase ("the withdrawal of troops") nor "foreign".
const ADDRESSEES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "an appeal to the government",
        "TBILISI, May 3 (Wire) - The European Union called on the government to withdraw the bill.",
        &["020:IGOEUREEC>GEOGOV"],
        &[],
    ),
    (
        "an appeal to the military",
        "YANGON, Feb 2 (Wire) - The United States urged the military to release the detained leaders.",
        &["0253:USA>MMRMIL"],
        &[],
    ),
    (
        "criticism of the army",
        "CARACAS, May 3 (Wire) - Brazil condemned the army for the crackdown.",
        &["111:BRA>VENMIL"],
        &[],
    ),
    (
        "forces a leader orders are his country's, not the dateline's",
        "PRISTINA, May 2 (Wire) - Serbian President Aleksandar Vucic ordered troops to the border.",
        &["100:SRBGOV>SRBMIL"],
        &["KSVMIL"],
    ),
    (
        "forces a country sends are not the other side of a threat read from 'will send'",
        "VILNIUS, May 2 (Wire) - Poland will send 200 soldiers to help Lithuania guard the border.",
        &[],
        &[">POLMIL", ">LTUMIL"],
    ),
    (
        "troops inside another phrase are not addressed",
        "BAGHDAD, Jan 9 (Wire) - Iraqi lawmakers called for the withdrawal of troops.",
        &["025:IRQLEG"],
        &["IRQMIL"],
    ),
    (
        "foreign troops are not the state's",
        "BAGHDAD, Jan 9 (Wire) - Iraqi lawmakers urged foreign troops to leave.",
        &[],
        &["IRQMIL"],
    ),
];

#[test]
fn state_organs_addressed_by_words() {
    check_with_and_without_the_parser(ADDRESSEES);
}

/// People at large (`agents.rs`, `Clauses::crowd`): no actor, but the source of a protest
/// they stage (CAMEO 14), with the country of a word in their phrase, else of the place of
/// the act, else of the article's place; never an actor of another act.
const CROWDS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "people marching: the place of the march",
        "Thousands of people marched in Caracas against the government.",
        &["141:VENCVL"],
        &[],
    ),
    (
        "students rallying: their own role",
        "Hundreds of students rallied in Dhaka to demand lower fees.",
        &["141:BGDEDU"],
        &[],
    ),
    (
        "residents blocking a road",
        "Residents blocked the main road in Lagos on Monday.",
        &["144:NGACVL"],
        &[],
    ),
    (
        "a crowd without a place in its sentence: the dateline's country",
        "BOGOTA, May 3 (Wire) - Thousands of people marched on Wednesday against the tax reform.",
        &["141:COLCVL"],
        &[],
    ),
    (
        "a crowd at a funeral does no political act",
        "Thousands of people attended a funeral in Cairo.",
        &[],
        &["CVL"],
    ),
    (
        "people as victims are no actor",
        "Soldiers killed five people in a village near Goma.",
        &[],
        &["CVL"],
    ),
];

#[test]
fn crowds_as_the_source_of_their_protest() {
    check_with_and_without_the_parser(CROWDS);
}

/// A group of people named as the possessor inside a longer phrase ("the protesters'
/// demands") is an agent, as it would be alone; a state institution named only by its kind
/// ("the tribunal's ruling") is not, as it may be international. An office holder
/// ("India's high commissioner", "the envoy of Belarus") stands for the body the phrase names.
const POSSESSORS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "plural possessor: the rejected demands are the protesters'",
        "The Serbian government rejected the protesters' demands.",
        &["120:SRBGOV>SRBOPP"],
        &[],
    ),
    (
        "possessor of a condemned act",
        "The Kenyan government condemned the protesters' violence.",
        &["111:KENGOV>KENOPP"],
        &[],
    ),
    (
        "an office holder stands for the possessor: a required target",
        "Pakistan expelled India's high commissioner on Wednesday.",
        &["161:PAK>IND"],
        &[],
    ),
    (
        "an office holder after 'of'",
        "Britain expelled the envoy of Belarus.",
        &["161:GBR>BLR"],
        &[],
    ),
    (
        "must not fire: an institution by its kind",
        "Manila dismissed the tribunal's ruling as void.",
        &[],
        &["PHLJUD"],
    ),
    (
        "must not fire: a possessor of another kind of word",
        "Chile rejected the plan's second stage.",
        &[],
        &[">CHL"],
    ),
];

#[test]
fn groups_named_as_possessors() {
    check_with_and_without_the_parser(POSSESSORS);
}
