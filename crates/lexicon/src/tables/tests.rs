//! Case tables for every mechanism: dated actors, agents, compound country + agent, synsets
//! in verb patterns, issues, discards.
use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn toks(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

#[test]
fn embedded_tables_parse_with_plausible_sizes() {
    let [actors, agents, verbs, issues, discards] = Lexicon::parse().unwrap().sizes();
    assert!(actors > 20_000, "{actors}");
    assert!(agents > 2_000, "{agents}");
    assert!(verbs > 4_000, "{verbs}");
    assert!(issues > 3_000, "{issues}");
    assert!(discards > 300, "{discards}");
}

#[test]
fn dated_actors_take_the_code_in_force_on_the_date() {
    let lx = Lexicon::get();
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("Putin", Some("2005-03-01"), Some("RUSGOV")),
        ("Putin", Some("1999-06-01"), Some("RUSELI")),
        ("Vladimir Putin", Some("2022-01-10"), Some("RUSGOV")),
        ("Putin", None, Some("RUSGOV")),
        ("Alan Garcia", Some("1987-01-01"), Some("PERGOV")),
        ("Alan Garcia", Some("1995-01-01"), Some("PERELI")),
        ("Xi Jinping", Some("2022-01-10"), Some("CHNGOV")),
        ("Hungarian", Some("2022-01-10"), Some("HUN")),
        ("the United Nations", Some("2022-01-10"), Some("IGOUNO")),
        ("U.N.", Some("2022-01-10"), Some("IGOUNO")),
        ("NATO", Some("2022-01-10"), Some("IGOWSTNAT")),
        ("Hamas", Some("2022-01-10"), Some("PSEREBHMS")),
        ("Taliban", Some("2022-01-10"), Some("AFGREB")),
        ("World Health Organization", None, Some("IGOUNOHLHWHO")),
        ("Human Rights Watch", None, Some("NGOHRI")),
        ("Tuesday", None, None),
    ];
    for &(name, date, want) in cases {
        let got = lx.actor_code(&toks(name), date.and_then(d)).map(|(c, _)| c);
        assert_eq!(got, want, "{name} on {date:?}");
    }
    let (_, rule) = lx.actor_code(&toks("Putin"), None).unwrap();
    assert!(
        rule.0.starts_with("Phoenix.Countries.actors.txt:"),
        "{rule}"
    );
}

#[test]
fn agents_give_role_codes() {
    let lx = Lexicon::get();
    let cases: &[(&str, Option<&str>)] = &[
        ("officials", Some("GOV")),
        ("rebels", Some("REB")),
        ("riot police", Some("COP")),
        ("protesters", Some("OPP")),
        ("foreign minister", Some("GOV")),
        ("troops", Some("MIL")),
        ("journalists", Some("MED")),
        ("lawmakers", Some("LEG")),
        ("authorities", Some("GOV")),
        ("ministry of defense", Some("GOVMIL")),
        ("weather", None),
    ];
    for &(noun, want) in cases {
        assert_eq!(lx.agent(&toks(noun)).map(|(r, _)| r), want, "{noun}");
    }
}

#[test]
fn country_and_agent_compose() {
    let lx = Lexicon::get();
    let cases: &[(&str, Option<&str>)] = &[
        ("Hungarian officials", Some("HUNGOV")),
        ("Syrian rebels", Some("SYRREB")),
        ("Iraqi police", Some("IRQCOP")),
        ("Russian troops", Some("RUSMIL")),
        ("French foreign minister", Some("FRAGOV")),
        ("Syrian", None),
        ("rebels", None),
    ];
    for &(np, want) in cases {
        let got = lx.actor_with_agent(&toks(np), d("2022-01-10"));
        assert_eq!(got.as_ref().map(|(c, _, _)| c.as_str()), want, "{np}");
    }
}

#[test]
fn actors_are_found_inside_sentences_longest_first() {
    let lx = Lexicon::get();
    let found = lx.find_actors(
        &toks("Russian President Vladimir Putin met the United Nations envoy"),
        d("2022-01-10"),
    );
    let codes: Vec<&str> = found.iter().map(|m| m.code).collect();
    assert_eq!(codes, ["RUSGOV", "IGOUNO"], "{found:?}");
    assert_eq!((found[0].start, found[0].end), (0, 4));
}

#[test]
fn verb_patterns_keep_synsets_particles_and_targets() {
    let lx = Lexicon::get();
    let impose: Vec<&str> = lx.verb_patterns("impose").map(|r| r.pattern).collect();
    assert!(
        impose.iter().any(|p| p.contains(" sanctions|sanction ")),
        "{impose:?}"
    );
    // &CEASEFIRE expands to its members.
    let ceasefire = lx
        .verb_rows()
        .iter()
        .find(|r| r.rule.0 == "CAMEO.2.0.txt:828")
        .unwrap();
    assert!(ceasefire.pattern.contains("truce"), "{}", ceasefire.pattern);
    assert_eq!(ceasefire.code, "0356");
    // "(TO)" names the target preposition.
    assert!(lx
        .verb_patterns("rush")
        .any(|r| r.code == "042" && r.pattern.ends_with("[to]")));
    // Multi-word verbs keep their particle.
    assert!(lx
        .verb_patterns("call")
        .any(|r| r.pattern.starts_with("call_off ")));
}

#[test]
fn issues_are_found_and_exclusions_hide_them() {
    let lx = Lexicon::get();
    let cases: &[(&str, &[&str])] = &[
        ("talks on nuclear weapons", &["NUCLEAR_WEAPONS"]),
        ("new sanctions on Russia", &["SANCTIONS"]),
        ("refugees crossed the border", &["REFUGEES"]),
        ("the price of olive oil rose", &[]),
    ];
    for &(s, want) in cases {
        let got: Vec<&str> = lx.issues(&toks(s)).iter().map(|i| i.code).collect();
        assert_eq!(got, want, "{s}");
    }
}

#[test]
fn discards_mark_sports_sentences() {
    let lx = Lexicon::get();
    assert!(lx
        .discard(&toks("he scored a goal in the semi-final"))
        .is_some());
    assert!(lx.discard(&toks("the ministers met in Geneva")).is_none());
}
