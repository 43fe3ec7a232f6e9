use super::*;

fn gaz() -> &'static Gazetteer {
    Gazetteer::builtin()
}

/// The place a name stands for when nothing else is known.
fn best(name: &str) -> PlaceId {
    *gaz().lookup(name).first().unwrap_or_else(|| panic!("{name} is not in the gazetteer"))
}

fn name_of(id: PlaceId) -> &'static str {
    gaz().place(id).map_or("?", |p| p.name.as_str())
}

/// Mentions in `text` with what each resolves to in the context of the others.
fn resolved(text: &str) -> Vec<(String, &'static str)> {
    let mentions = gaz().find_mentions(text);
    mentions.iter().map(|m| (m.surface.clone(), name_of(gaz().resolve(m, &mentions)))).collect()
}

fn surfaces(text: &str) -> Vec<String> {
    gaz().find_mentions(text).into_iter().map(|m| m.surface).collect()
}

#[test]
fn builtin_data_files_parse() {
    // `builtin()` panics on malformed data; this parses the same text and reports the row.
    let parsed = Gazetteer::parse(&Sources::BUILTIN);
    let gaz = parsed.unwrap_or_else(|e| panic!("{e}"));
    assert!(gaz.len() > 5_800, "only {} places", gaz.len());
    assert!(gaz.pattern_count() > 10_000);
    let mut slugs = HashSet::new();
    for place in gaz.places() {
        assert!(slugs.insert(place.slug.as_str()), "slug {} is not unique", place.slug);
        assert!(place.slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", place.slug);
        // Hand-written names are never stopped, so every region and supplement place can be
        // looked up by its own name (a GeoNames village named "Anna" cannot, on purpose).
        if place.id.0 >= 1_000_000_000 {
            assert!(gaz.lookup(&place.name).contains(&place.id), "{} cannot be looked up by its own name", place.name);
        }
    }
}

#[test]
fn spelling_variants_meet_on_one_place() {
    let groups: &[&[&str]] = &[
        &["Bakhmut", "Artemovsk", "Artyomovsk", "Artemivsk", "Bakhmout"],
        &["Kyiv", "Kiev", "Kyiv"],
        &["Kharkiv", "Kharkov", "Khar'kov"],
        &["Avdiivka", "Avdiyivka", "Avdeyevka", "Avdeevka"],
        &["Vuhledar", "Ugledar", "Vugledar"],
        &["Kupiansk", "Kupyansk"],
        &["Pokrovsk", "Krasnoarmeysk"],
        &["Lyman", "Krasny Liman", "Krasnyi Lyman"],
        &["Robotyne", "Rabotino"],
        &["Klishchiivka", "Kleshcheyevka", "Kleshcheevka"],
        &["Krynky", "Krynki"],
        &["Chasiv Yar", "Chasov Yar", "Chasiv-Yar"],
        &["Toretsk", "Dzerzhinsk", "Dzerzhynsk"],
        &["Vovchansk", "Volchansk"],
        &["Marinka", "Maryinka", "Mar'yinka", "Mar’yinka", "Mariinka"],
        &["Kreminna", "Kremennaya"],
        &["Sievierodonetsk", "Severodonetsk", "Siverskodonetsk"],
        &["Lysychansk", "Lisichansk"],
        &["Zaporizhzhia", "Zaporozhye", "Zaporizhia", "Zaporizhzhya"],
        &["Mykolaiv", "Nikolaev", "Mykolayiv"],
        &["Dnipro", "Dnepropetrovsk"],
        &["Luhansk", "Lugansk"],
        &["Kherson", "KHERSON"],
        &["Nova Kakhovka", "Novaya Kakhovka"],
        &["Enerhodar", "Energodar"],
        &["Izium", "Izyum"],
        &["Odesa", "Odessa"],
        &["Sloviansk", "Slovyansk", "Slavyansk"],
        &["Kostiantynivka", "Kostyantynivka", "Konstantinovka"],
    ];
    for group in groups {
        let expected = best(group[0]);
        for spelling in &group[1..] {
            assert_eq!(name_of(best(spelling)), name_of(expected), "{spelling} should be {}", group[0]);
        }
    }
    // The same spellings are found in running text, each as its own mention.
    let text = "Moscow said its troops took Artyomovsk; Kyiv said fighting went on near Avdeyevka and Ugledar.";
    let found: Vec<_> = resolved(text).into_iter().map(|(_, name)| name).collect();
    assert_eq!(found, ["Moscow", "Bakhmut", "Kyiv", "Avdiivka", "Vuhledar"]);
}

#[test]
fn preferred_names_are_what_news_writes() {
    for (spelling, name) in [("Avdiyivka", "Avdiivka"), ("Kupyansk", "Kupiansk"), ("Maryinka", "Marinka"), ("Zaporizhzhya", "Zaporizhzhia")] {
        assert_eq!(name_of(best(spelling)), name);
    }
    assert_eq!(gaz().by_slug("soledar").map(|p| p.name.as_str()), Some("Soledar"));
    // The most populous of homonyms keeps the plain slug; the others carry their oblast.
    assert_eq!(gaz().by_slug("lyman").map(|p| p.id), Some(PlaceId(704204)));
    assert!(gaz().by_slug("lyman-donetsk").is_none());
    assert!(gaz().places().iter().filter(|p| p.name == "Lyman").all(|p| p.slug == "lyman" || p.slug.starts_with("lyman-")));
}

#[test]
fn region_or_city() {
    let text = "Shelling hit Donetsk on Monday, the Donetsk region governor said, and the Donetsk Oblast border.";
    let found = resolved(text);
    assert_eq!(found.iter().map(|(_, n)| *n).collect::<Vec<_>>(), ["Donetsk", "Donetsk Oblast", "Donetsk Oblast"]);
    let kinds: Vec<_> = gaz().find_mentions(text).iter().map(|m| gaz().place(m.candidates[0]).map(|p| p.kind)).collect();
    assert_eq!(kinds, [Some(PlaceKind::Settlement), Some(PlaceKind::Region), Some(PlaceKind::Region)]);
    // Russian-side names of oblasts, and a list sharing one plural suffix.
    assert_eq!(resolved("in the Zaporozhye region")[0].1, "Zaporizhzhia Oblast");
    assert_eq!(resolved("across Kherson province")[0].1, "Kherson Oblast");
    let list = resolved("Russia claims the Donetsk, Kherson and Luhansk oblasts.");
    assert_eq!(list.iter().map(|(_, n)| *n).collect::<Vec<_>>(), ["Donetsk Oblast", "Kherson Oblast", "Luhansk Oblast"]);
    // A city before a plural region that is not in a list with it stays a city.
    assert_eq!(resolved("Soledar and Luhansk oblasts")[0].1, "Soledar");
    // A governor's title names the oblast, a mayor's the town.
    assert_eq!(resolved("the Luhansk regional governor said")[0].1, "Luhansk Oblast");
    assert_eq!(resolved("Luhansk governor says Russia now controls the city")[0].1, "Luhansk Oblast");
    assert_eq!(resolved("Kharkiv's governor, Oleh Syniehubov, said")[0].1, "Kharkiv Oblast");
    assert_eq!(resolved("the Kharkiv mayor said")[0].1, "Kharkiv");
    assert_eq!(resolved("Kharkiv governed itself")[0].1, "Kharkiv");
    // "The regions of X and Y" names oblasts; a town named after "the region" is a town.
    let list = resolved("missiles struck targets across the southern regions of Odesa and Mykolaiv");
    assert_eq!(list.iter().map(|(_, n)| *n).collect::<Vec<_>>(), ["Odesa Oblast", "Mykolaiv Oblast"]);
    assert_eq!(resolved("the governor of the region said Kharkiv was shelled")[0].1, "Kharkiv");
}

#[test]
fn leftmost_longest() {
    assert_eq!(surfaces("Water rose in Nova Kakhovka overnight."), ["Nova Kakhovka"]);
    assert_eq!(surfaces("the road from Chasiv Yar west"), ["Chasiv Yar"]);
    assert_eq!(resolved("after the Nova Kakhovka dam was breached")[0].1, "Kakhovka Dam");
    assert_eq!(surfaces("Kakhovka itself was flooded"), ["Kakhovka"]);
}

#[test]
fn dnieper_is_the_river_and_dnipro_the_city() {
    assert_eq!(resolved("troops crossed the Dnieper at night")[0].1, "Dnieper");
    assert_eq!(resolved("the Dnieper River bank")[0], ("Dnieper River".to_string(), "Dnieper"));
    assert_eq!(resolved("the Dnipro River bank")[0].1, "Dnieper");
    assert_eq!(resolved("a missile hit Dnipro on Friday")[0].1, "Dnipro");
}

#[test]
fn features_are_found() {
    let text = "Defenders left Azovstal; drones flew over Snake Island, the Kinburn Spit and the Zaporizhzhia nuclear power plant.";
    let found: Vec<_> = resolved(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(found, ["Azovstal", "Snake Island", "Kinburn Spit", "Zaporizhzhia Nuclear Power Plant"]);
    assert_eq!(resolved("the Antonivskyi Bridge in the Donbas")[0].1, "Antonivskyi Bridge");
    assert_eq!(resolved("the Antonivskyi Bridge in the Donbas")[1].1, "Donbas");
}

#[test]
fn apostrophes_diacritics_and_possessives() {
    for text in ["near Mar’yinka.", "near Marʼyinka.", "near Mar'yinka.", "near Mar`yinka."] {
        assert_eq!(resolved(text)[0].1, "Marinka", "{text}");
    }
    // Diacritics are folded away.
    assert_eq!(resolved("in Kýiv today")[0].1, "Kyiv");
    // A possessive stays outside the span.
    let text = "Kyiv’s air defence and Kharkiv's mayor";
    let mentions = gaz().find_mentions(text);
    assert_eq!(mentions.iter().map(|m| m.span.slice(text)).collect::<Vec<_>>(), ["Kyiv", "Kharkiv"]);
}

#[test]
fn case_and_word_boundaries() {
    assert!(surfaces("the kyiv office").is_empty(), "names start uppercase");
    assert!(surfaces("Kyivstar said its network was down").is_empty(), "a name inside a word is not a mention");
    assert_eq!(surfaces("a Kyiv-based analyst"), ["Kyiv"]);
    assert_eq!(surfaces("KYIV, March 3 (Reuters)"), ["KYIV"]);
    // A speaker named by its capital is still a mention: the extractor decides what it is.
    assert_eq!(surfaces("Kyiv said the attack failed."), ["Kyiv"]);
}

#[test]
fn stopped_words_are_not_places() {
    let text = "Vladimir Putin met Volodymyr Zelensky's envoy; Human Rights Watch, Police and Anna Malyar \
                commented, as did Ukrainian and Russian officials and the Azov regiment.";
    assert!(surfaces(text).is_empty(), "found {:?}", surfaces(text));
    assert!(gaz().lookup("Vladimir").is_empty());
}

#[test]
fn homonyms_resolve_by_context() {
    let donetsk = "Russian forces attacked Kreminna and pressed on Lyman in Donetsk Oblast.";
    assert_eq!(resolved(donetsk)[1], ("Lyman".to_string(), "Lyman"));
    let lyman = gaz().find_mentions(donetsk);
    assert_eq!(gaz().resolve(&lyman[1], &lyman), PlaceId(704204));
    // The same name with an Odesa context is the Odesa Oblast village.
    let odesa = "In the Odesa region, a drone hit a farm in Lyman.";
    let mentions = gaz().find_mentions(odesa);
    assert_eq!(gaz().resolve(&mentions[1], &mentions), PlaceId(703076));
    // With no context the population prior decides.
    let alone = gaz().find_mentions("Lyman");
    assert_eq!(gaz().resolve(&alone[0], &[]), PlaceId(704204));
    // Kostiantynivka: the Donetsk city by default, the Zaporizhzhia town beside Zaporizhzhia places.
    assert_eq!(gaz().by_slug("kostiantynivka").map(|p| p.id), Some(best("Kostiantynivka")));
    let zap = "Shelling near Melitopol and Kostiantynivka in the Zaporizhzhia region";
    let mentions = gaz().find_mentions(zap);
    assert_eq!(gaz().resolve(&mentions[1], &mentions), PlaceId(705115));
    // A front-line village below GeoNames' cut is placed by its neighbours.
    assert_eq!(resolved("fighting in Klishchiivka and Andriivka south of Bakhmut")[1].1, "Andriivka");
    let andriivka = gaz().find_mentions("fighting in Klishchiivka and Andriivka south of Bakhmut");
    assert_eq!(gaz().resolve(&andriivka[1], &andriivka), PlaceId(1_100_000_003));
}

#[test]
fn fuzzy_lookup_of_misspellings() {
    // Doubled letters fold away, so these are exact.
    assert_eq!(gaz().fuzzy_lookup("Soledaar"), Some((best("Soledar"), 1.0)));
    assert_eq!(gaz().fuzzy_lookup("Bakhmutt"), Some((best("Bakhmut"), 1.0)));
    // Real misspellings score below 1.
    let (id, score) = gaz().fuzzy_lookup("Kramatorks").expect("a near miss");
    assert_eq!(name_of(id), "Kramatorsk");
    assert!((FUZZY_THRESHOLD..1.0).contains(&score), "{score}");
    let (id, _) = gaz().fuzzy_lookup("Sieverodonetsk").expect("a near miss");
    assert_eq!(name_of(id), "Sievierodonetsk");
    assert_eq!(gaz().fuzzy_lookup("Qwxzpt"), None);
    assert_eq!(gaz().fuzzy_lookup("Ky"), None);
}

#[test]
fn spans_slice_the_original_text() {
    let text = "Звіт № 7 — «тест» café: 🚀 Russian troops shelled Kramatorsk, Chasiv  Yar and Mar’yinka; Kyiv’s view.";
    let mentions = gaz().find_mentions(text);
    assert_eq!(
        mentions.iter().map(|m| m.span.slice(text)).collect::<Vec<_>>(),
        ["Kramatorsk", "Chasiv  Yar", "Mar’yinka", "Kyiv"]
    );
    for m in &mentions {
        assert_eq!(m.span.slice(text), m.surface);
        assert!(text.is_char_boundary(m.span.start as usize) && text.is_char_boundary(m.span.end as usize));
        assert!(!m.candidates.is_empty());
    }
    let spans: Vec<_> = mentions.iter().map(|m| m.span).collect();
    assert!(spans.windows(2).all(|w| w[0].end <= w[1].start), "sorted and non-overlapping");
    // Names do not run across a line break.
    assert_eq!(surfaces("Nova\nKakhovka"), ["Kakhovka"]);
}

#[test]
fn fold_brings_transliterations_together() {
    assert_eq!(fold("Avdiyivka"), fold("Avdiivka"));
    assert_eq!(fold("Zaporizhzhia"), fold("Zaporizhia"));
    assert_eq!(fold("Odessa"), "odesa");
    assert_eq!(fold("Mar’yinka"), fold("Marinka"));
    assert_eq!(fold("  Chasiv-Yar "), "chasiv iar");
    assert_eq!(fold("Kýiv"), fold("Kyiv"));
}

/// A one-place gazetteer with one file's text replaced, so each case shows one fault.
fn with(file: &str, text: &'static str) -> Result<Gazetteer, DataError> {
    let mut sources = Sources {
        places: "# a comment\n1\tsettlement\tTestville\tDonetsk Oblast\tUA\t48.1\t37.5\t10\tTestvil\n",
        supplement: "",
        preferred: "",
        aliases: "",
        stoplist: "",
    };
    match file {
        "places" => sources.places = text,
        "supplement" => sources.supplement = text,
        "preferred" => sources.preferred = text,
        "aliases" => sources.aliases = text,
        "stoplist" => sources.stoplist = text,
        _ => unreachable!(),
    }
    Gazetteer::parse(&sources)
}

fn fails(file: &str, text: &'static str, expected: &str) {
    match with(file, text) {
        Ok(_) => panic!("{file}: {text:?} was accepted"),
        Err(e) => assert!(e.to_string().contains(expected), "{file}: {e} (expected {expected:?})"),
    }
}

#[test]
fn malformed_rows_are_rejected() {
    // The well-formed versions first, so that each failure below is the one fault it shows.
    let gaz = with("preferred", "1\tTestvil\tTestville\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gaz.lookup("Testville"), [PlaceId(1)]);
    assert!(with("aliases", "Testovo\t1\tTestville\tnote\n").is_ok());
    assert!(with("stoplist", "Testvil\t1\treason\n").is_ok());
    assert!(with("supplement", "2\tfeature\tTest River\t\tUA\t48\t37\t0\t\thttp://example.org\n").is_ok());

    fails("places", "1\tsettlement\tTestville\tDonetsk Oblast\tUA\t48.1\t37.5\t10\n", "places.tsv:1: 8 columns, expected 9");
    fails("places", "1\tsettlement\tTestville\tDonetsk Oblast\tUA\tnorth\t37.5\t10\t\n", "bad latitude");
    fails("places", "1\tsettlement\tTestville\tDonetsk Oblast\tUA\t148.1\t37.5\t10\t\n", "out of range");
    fails("places", "1\tsettlement\tTestville\tDonetsk Oblast\tUA\t48.1\t37.5\t-3\t\n", "bad population");
    fails("places", "x\tsettlement\tTestville\tDonetsk Oblast\tUA\t48.1\t37.5\t10\t\n", "bad id");
    fails("places", "1\ttown\tTestville\tDonetsk Oblast\tUA\t48.1\t37.5\t10\t\n", "bad kind");
    fails("places", "1\tsettlement\tA\tB\tUA\t1\t1\t1\t\n1\tsettlement\tC\tB\tUA\t1\t1\t1\t\n", "places.tsv:2: duplicate id");
    fails("places", "", "no places");
    fails("supplement", "2\tsettlement\tX\tNowhere Oblast\tUA\t48\t37\t0\t\thttp://example.org\n", "unknown admin1");
    fails("supplement", "2\tsettlement\tX\tDonetsk Oblast\tUA\t48\t37\t0\t\t\n", "empty source");
    fails("supplement", "1\tsettlement\tX\tDonetsk Oblast\tUA\t48\t37\t0\t\tsource\n", "duplicate id");
    fails("supplement", "4026531841\tsettlement\tX\tDonetsk Oblast\tUA\t48\t37\t0\t\tsource\n", "kept for unlisted names");
    fails("preferred", "999999999\tNowhere\tNowhere\n", "unknown place id 999999999");
    fails("preferred", "1\tTestvil\tSoledar\n", "not \"Soledar\"");
    fails("aliases", "Testovo\t999999999\tTestville\tnote\n", "unknown place id");
    fails("aliases", "Testovo\t1\tSoledar\tnote\n", "is named \"Testville\"");
    fails("aliases", "Testovo\t1\n", "2 columns, expected 4");
    fails("stoplist", "Notaplaceatall\t\treason\n", "not a GeoNames name");
    fails("stoplist", "Testvil\t999999999\treason\n", "unknown place id");
    fails("stoplist", "Testvil\t\t\n", "empty reason");
}

/// Runs the recognizer over the shared corpus and prints what it finds: the figures for the
/// gazetteer's notes and a list of surfaces to eyeball for false friends. Needs
/// `../shared/corpus/` beside the repository, so it is ignored by default:
/// `cargo test --release --lib gazetteer::tests::corpus_survey -- --ignored --nocapture`.
#[test]
#[ignore]
fn corpus_survey() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let gaz = Gazetteer::builtin();
    println!("places {} patterns {}", gaz.len(), gaz.pattern_count());
    let mut texts = Vec::new();
    for file in ["articles.jsonl", "isw.jsonl"] {
        let Ok(content) = std::fs::read_to_string(root.join(file)) else {
            println!("no corpus at {}", root.display());
            return;
        };
        for line in content.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            texts.push(value["text"].as_str().unwrap_or_default().to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = std::time::Instant::now();
    let mut total = 0;
    let mut surfaces: HashMap<(String, String), usize> = HashMap::new();
    for text in &texts {
        let mentions = gaz.find_mentions(text);
        total += mentions.len();
        for m in &mentions {
            assert_eq!(m.span.slice(text), m.surface);
            let name = gaz.place(gaz.resolve(m, &mentions)).map(|p| p.slug.clone()).unwrap_or_default();
            *surfaces.entry((m.surface.clone(), name)).or_default() += 1;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{} texts, {bytes} bytes, {total} mentions in {:.1} ms ({:.3} ms per 20 KB)",
        texts.len(),
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e3 * 20_000.0 / bytes as f64
    );
    let mut counted: Vec<_> = surfaces.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let limit = std::env::var("SURVEY_TOP").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    for ((surface, slug), n) in counted.iter().take(limit) {
        println!("{n:6} {surface} -> {slug}");
    }
}

#[test]
fn an_unlisted_name_is_one_place_in_either_spelling_and_none_of_the_gazetteers() {
    use crate::gazetteer::unlisted_key;
    assert_eq!(unlisted_key("Berkhovka"), unlisted_key("Berkhivka"));
    assert_eq!(unlisted_key("Andreyevka"), unlisted_key("Andriivka"));
    assert_eq!(unlisted_key("Lipnovka"), unlisted_key("Lypnivka"));
    assert_ne!(unlisted_key("Lypnivka"), unlisted_key("Lypnivtsi"));
    assert_eq!(Gazetteer::unlisted_id("Berkhovka"), Gazetteer::unlisted_id("Berkhivka"));
    assert_ne!(Gazetteer::unlisted_id("Berkhivka"), Gazetteer::unlisted_id("Lypnivka"));
    assert!(gaz().place(Gazetteer::unlisted_id("Berkhivka")).is_none());
}
