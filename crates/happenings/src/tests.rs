use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[allow(clippy::too_many_arguments)]
fn m(
    article: &str,
    source: &str,
    date: &str,
    src: &str,
    tgt: &str,
    code: &str,
    place: Option<&str>,
) -> EventMention {
    EventMention {
        article_id: article.into(),
        source_name: (!source.is_empty()).then(|| source.to_string()),
        url: Some(format!("https://{source}/{article}")),
        article_date: Some(d(date)),
        event_date: None,
        source_code: src.into(),
        target_code: tgt.into(),
        code: code.into(),
        base: code[..3].into(),
        root: code[..2].into(),
        place_key: place.map(str::to_string),
        goldstein: 1.0,
        quad_class: 1,
        index: 0,
        sentence: 0,
        is_root: false,
        reported: false,
        doc_tone: Some(-1.0),
    }
}

/// Eight articles from five outlets on one Geneva meeting (two mention it twice), plus a
/// second meeting of the same delegations a week later in Brussels, plus a phone call.
fn corpus() -> Vec<EventMention> {
    let gva = Some("gn:2660646");
    let bru = Some("gn:2800866");
    let mut v = vec![
        m(
            "a1",
            "wire.example",
            "2022-01-10",
            "USAGOV",
            "RUSGOV",
            "044",
            gva,
        ),
        m(
            "a1",
            "wire.example",
            "2022-01-10",
            "USAGOV",
            "RUSGOV",
            "046",
            gva,
        ),
        m(
            "a2",
            "wire.example",
            "2022-01-10",
            "RUSGOV",
            "USAGOV",
            "044",
            gva,
        ),
        m(
            "a3",
            "daily.example",
            "2022-01-10",
            "USAGOV",
            "RUSGOV",
            "046",
            None,
        ),
        m(
            "a4",
            "daily.example",
            "2022-01-11",
            "RUSGOV",
            "USAGOV",
            "040",
            gva,
        ),
        m(
            "a5",
            "post.example",
            "2022-01-11",
            "USAGOV",
            "RUSGOV",
            "044",
            gva,
        ),
        m("a6", "", "2022-01-11", "RUSGOV", "USAGOV", "046", None),
        m(
            "a7",
            "herald.example",
            "2022-01-10",
            "USAGOV",
            "RUSGOV",
            "0441",
            gva,
        ),
        m(
            "a8",
            "herald.example",
            "2022-01-10",
            "RUSGOV",
            "USAGOV",
            "046",
            gva,
        ),
        // A week later: a different meeting of the same actors.
        m(
            "b1",
            "wire.example",
            "2022-01-17",
            "USAGOV",
            "RUSGOV",
            "044",
            bru,
        ),
        m(
            "b2",
            "post.example",
            "2022-01-18",
            "RUSGOV",
            "USAGOV",
            "046",
            None,
        ),
        // A phone call between other actors the same day.
        m(
            "c1",
            "wire.example",
            "2022-01-10",
            "FRAGOV",
            "DEUGOV",
            "041",
            None,
        ),
    ];
    v[1].index = 1;
    v
}

fn signature(mentions: &[EventMention], hs: &[Happening]) -> Vec<(u64, Vec<(String, u32)>)> {
    let mut s: Vec<_> = hs
        .iter()
        .map(|h| {
            let mut ms: Vec<_> = h
                .members
                .iter()
                .map(|&i| (mentions[i].article_id.clone(), mentions[i].index))
                .collect();
            ms.sort();
            (h.id, ms)
        })
        .collect();
    s.sort();
    s
}

#[test]
fn many_articles_one_meeting() {
    let c = corpus();
    let hs = group(&c);
    assert_eq!(hs.len(), 3, "{hs:#?}");
    let geneva = hs
        .iter()
        .find(|h| h.date == Some(d("2022-01-10")) && h.source_code == "RUSGOV")
        .unwrap();
    assert_eq!(geneva.num_mentions, 9);
    assert_eq!(geneva.num_articles, 8);
    // wire, daily, post, herald + a6 without a source.
    assert_eq!(geneva.num_sources, 5);
    assert_eq!(geneva.place_key.as_deref(), Some("gn:2660646"));
    assert_eq!(
        (geneva.source_code.as_str(), geneva.target_code.as_str()),
        ("RUSGOV", "USAGOV")
    );
    // 044 x3 and 046 x4 (a1#1, a3, a6, a8): 046 is the mode.
    assert_eq!(geneva.code, "046");
    assert_eq!(geneva.avg_tone, Some(-1.0));

    let brussels = hs.iter().find(|h| h.date == Some(d("2022-01-17"))).unwrap();
    assert_eq!(brussels.num_articles, 2);
    assert_eq!(brussels.place_key.as_deref(), Some("gn:2800866"));
    let call = hs
        .iter()
        .find(|h| h.root == "04" && h.source_code == "DEUGOV")
        .unwrap();
    assert_eq!(call.num_mentions, 1);
}

#[test]
fn ids_unique_stable_and_order_independent() {
    let c = corpus();
    let base = signature(&c, &group(&c));
    let ids: HashSet<u64> = base.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), base.len());
    assert!(ids.iter().all(|&id| id > 0 && id < (1 << 53)));
    let mut rev = c.clone();
    rev.reverse();
    assert_eq!(signature(&rev, &group(&rev)), base);
    let mut rot = c.clone();
    rot.rotate_left(5);
    assert_eq!(signature(&rot, &group(&rot)), base);
}

#[test]
fn directed_codes_keep_actor_order() {
    // 190 "use military force" is directed: A attacks B is not B attacks A.
    let c = vec![
        m("a1", "x", "2022-02-24", "RUSMIL", "UKRMIL", "190", None),
        m("a2", "y", "2022-02-24", "UKRMIL", "RUSMIL", "190", None),
        m("a3", "z", "2022-02-24", "RUSMIL", "UKRMIL", "193", None),
    ];
    let hs = group(&c);
    assert_eq!(hs.len(), 2);
    let rus = hs.iter().find(|h| h.source_code == "RUSMIL").unwrap();
    assert_eq!(rus.num_articles, 2);
    assert_eq!(rus.code, "190");
}

#[test]
fn window_is_complete_linkage() {
    // One mention a day for five days: ±1 day gives [d0,d1] [d2,d3] [d4], never one chain.
    let c: Vec<_> = (0..5)
        .map(|i| {
            m(
                &format!("a{i}"),
                "x",
                &format!("2022-03-0{}", i + 1),
                "USA",
                "CHN",
                "042",
                None,
            )
        })
        .collect();
    let hs = group(&c);
    let sizes: Vec<u32> = hs.iter().map(|h| h.num_mentions).collect();
    assert_eq!(sizes, vec![2, 2, 1]);
    let wide = HappeningsConfig {
        window_days: 7,
        ..HappeningsConfig::default()
    }
    .build()
    .unwrap();
    assert_eq!(wide.group(&c).len(), 1);
    let narrow = HappeningsConfig {
        window_days: 0,
        ..HappeningsConfig::default()
    }
    .build()
    .unwrap();
    assert_eq!(narrow.group(&c).len(), 5);
}

#[test]
fn places_must_be_compatible() {
    let c = vec![
        m(
            "a1",
            "x",
            "2022-05-01",
            "FRAOPP",
            "FRAGOV",
            "141",
            Some("paris"),
        ),
        m(
            "a2",
            "y",
            "2022-05-01",
            "FRAOPP",
            "FRAGOV",
            "141",
            Some("lyon"),
        ),
        m("a3", "z", "2022-05-01", "FRAOPP", "FRAGOV", "141", None),
        m(
            "a4",
            "w",
            "2022-05-01",
            "FRAOPP",
            "FRAGOV",
            "141",
            Some("paris"),
        ),
    ];
    let hs = group(&c);
    assert_eq!(hs.len(), 2);
    let paris = hs
        .iter()
        .find(|h| h.place_key.as_deref() == Some("paris"))
        .unwrap();
    // The unplaced mention joins the larger compatible group.
    assert_eq!(paris.num_mentions, 3);
}

#[test]
fn event_date_beats_article_date_and_undated_stay_apart() {
    let mut late = m("a2", "y", "2022-01-12", "USA", "RUS", "044", None);
    late.event_date = Some(d("2022-01-10"));
    let mut undated = m("a3", "z", "2022-01-10", "USA", "RUS", "044", None);
    undated.article_date = None;
    let c = vec![
        m("a1", "x", "2022-01-10", "USA", "RUS", "044", None),
        late,
        undated,
    ];
    let hs = group(&c);
    assert_eq!(hs.len(), 2);
    assert_eq!(
        hs.iter().find(|h| h.date.is_some()).unwrap().num_articles,
        2
    );
}

#[test]
fn reported_can_be_excluded() {
    let mut r = m("a2", "y", "2022-01-10", "USA", "RUS", "044", None);
    r.reported = true;
    let c = vec![m("a1", "x", "2022-01-10", "USA", "RUS", "044", None), r];
    let g = HappeningsConfig {
        include_reported: false,
        ..HappeningsConfig::default()
    }
    .build()
    .unwrap();
    let hs = g.group(&c);
    assert_eq!(hs.len(), 1);
    assert_eq!(membership(2, &hs), vec![Some(0), None]);
}

#[test]
fn config_is_checked() {
    const BAD: &[(&str, &str)] = &[
        (r#"{"window_days": 400}"#, "too large"),
        (r#"{"symmetric_codes": ["04"]}"#, "not a 3- or 4-digit"),
        (r#"{"symmetric_codes": ["04x"]}"#, "not a 3- or 4-digit"),
    ];
    for (json, msg) in BAD {
        let cfg: HappeningsConfig = serde_json::from_str(json).unwrap();
        let err = cfg.build().unwrap_err().to_string();
        assert!(err.contains(msg), "{json}: {err}");
    }
    assert!(serde_json::from_str::<HappeningsConfig>(r#"{"window": 1}"#).is_err());
    // The shared list's forms are accepted: a code, a 4-digit code, a 2-digit prefix.
    let ok: HappeningsConfig =
        serde_json::from_str(r#"{"symmetric_codes": ["040", "0431", "19*"]}"#).unwrap();
    assert!(ok.build().is_ok());
}

#[test]
fn from_record_matches_from_document() {
    use sitrep_doc::*;
    let text = "US and Russian envoys met in Geneva on Monday.";
    let meta = Meta {
        id: "g1".into(),
        date: Some(d("2022-01-11")),
        source: Some("wire.example".into()),
        url: Some("https://wire.example/g1".into()),
        title: None,
    };
    let mut doc = Document::new(meta, text.into()).unwrap();
    doc.entities.push(Entity {
        kind: EntityKind::Location,
        name: "Geneva".into(),
        key: "geneva".into(),
        actor_code: None,
        titles: vec![],
        mentions: vec![],
        geo: Some(Geo {
            geonames_id: 2660646,
            name: "Geneva".into(),
            lat: 46.2,
            lon: 6.15,
            country_iso3: "CHE".into(),
            country_fips: "SZ".into(),
            adm1: "SZ07".into(),
            feature: "PPLA".into(),
        }),
    });
    doc.events.push(Event {
        code: "044".into(),
        base: "044".into(),
        root: "04".into(),
        quad_class: 1,
        goldstein: 1.9,
        source: Some(EventActor {
            actor_code: "USA".into(),
            entity: None,
            span: doc.span(0, 2).unwrap(),
        }),
        target: Some(EventActor {
            actor_code: "RUS".into(),
            entity: None,
            span: doc.span(7, 14).unwrap(),
        }),
        trigger: doc.span(22, 25).unwrap(),
        sentence: SentenceId(0),
        date: Some(d("2022-01-10")),
        place: Some(EntityId(0)),
        is_root: true,
        status: EventStatus::Reported,
        quote: None,
        rule: String::new(),
        issues: Vec::new(),
    });
    let a = EventMention::from_document(&doc);
    let b = EventMention::from_record(&doc.to_record());
    assert_eq!(a, b);
    assert_eq!(a[0].place_key.as_deref(), Some("gn:2660646"));
    assert_eq!(a[0].date(), Some(d("2022-01-10")));
    assert!(a[0].reported && a[0].is_root);
}

proptest! {
    #[test]
    fn any_permutation_gives_the_same_groups(seed in any::<u64>(), n in 1usize..40) {
        let actors = ["USA", "RUS", "CHN", ""];
        let codes = ["040", "044", "046", "190", "141", "0441"];
        let places = [None, Some("p1"), Some("p2")];
        let mut x = seed | 1;
        let mut next = |k: usize| { x ^= x << 13; x ^= x >> 7; x ^= x << 17; (x % k as u64) as usize };
        let c: Vec<EventMention> = (0..n).map(|i| {
            let mut e = m(&format!("a{}", next(8)), ["s1", "s2", ""][next(3)],
                &format!("2022-01-{:02}", 1 + next(6)), actors[next(4)], actors[next(4)],
                codes[next(6)], places[next(3)]);
            e.index = i as u32;
            e
        }).collect();
        let base = signature(&c, &group(&c));
        prop_assert_eq!(base.iter().map(|(_, ms)| ms.len()).sum::<usize>(), n);
        let mut shuffled = c.clone();
        for i in (1..shuffled.len()).rev() { let j = next(i + 1); shuffled.swap(i, j); }
        prop_assert_eq!(signature(&shuffled, &group(&shuffled)), base);
    }
}

#[test]
fn one_sided_mentions_group_only_within_their_article() {
    let v = vec![
        m("a1", "one.example", "2022-01-10", "GBRGOV", "", "010", None),
        m("a1", "one.example", "2022-01-10", "GBRGOV", "", "010", None),
        m("a2", "two.example", "2022-01-10", "GBRGOV", "", "010", None),
        m(
            "a3",
            "two.example",
            "2022-01-10",
            "GBRGOV",
            "RUSGOV",
            "010",
            None,
        ),
        m(
            "a4",
            "one.example",
            "2022-01-10",
            "GBRGOV",
            "RUSGOV",
            "010",
            None,
        ),
    ];
    let groups = group(&v);
    let mut sizes: Vec<usize> = groups.iter().map(|h| h.members.len()).collect();
    sizes.sort();
    assert_eq!(
        sizes,
        vec![1, 2, 2],
        "a1's two statements, a2 alone, the a3+a4 dyad"
    );
}
