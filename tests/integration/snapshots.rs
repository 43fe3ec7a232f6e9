//! Snapshot tests of every report format over the fixtures. A change in what the rules derive
//! shows up here as a reviewable diff (`cargo insta review`).

use rift::cli::Format;
use rift::db::Db;
use rift::report::{self, Filter};

use crate::common::*;

fn fixture_db(dir: &std::path::Path) -> Db {
    let db = Db::open(&dir.join("s"), "test").unwrap();
    let rules = rift::pipeline::Rules::builtin();
    for a in fixture_articles() {
        rift::pipeline::ingest(&db, a, rules).unwrap();
    }
    db
}

fn render(db: &Db, format: Format) -> String {
    let views = report::load(db, rift::lexicon::Lexicons::builtin(), &Filter::default()).unwrap();
    match format {
        Format::Text => report::render_text(&views),
        Format::Markdown => report::render_markdown(&views),
        Format::Json => report::render_json(&views),
        Format::Html => report::html::render_report(db, &views).unwrap(),
        Format::Csv => unreachable!("the report has no CSV form"),
    }
}

#[test]
fn report_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_db(dir.path());
    insta::assert_snapshot!("report_text", render(&db, Format::Text));
    insta::assert_snapshot!("report_markdown", render(&db, Format::Markdown));
    insta::assert_snapshot!("report_json", render(&db, Format::Json));
    let views = report::load(&db, rift::lexicon::Lexicons::builtin(), &Filter { all: true, ..Filter::default() }).unwrap();
    insta::assert_snapshot!("events", report::render_events(&views));
    let contested = views.iter().find(|v| v.event.status == rift::model::Status::Contested).expect("the fixtures have a contested event");
    insta::assert_snapshot!("show_first_contested", report::render_show(contested));
    let lex = rift::lexicon::Lexicons::builtin();
    let cmp = report::compare(&db, lex, "Reuters", "TASS", &Filter::default()).unwrap();
    insta::assert_snapshot!("compare_text", report::compare::render_text(&cmp));
    insta::assert_snapshot!("compare_markdown", report::compare::render_markdown(&cmp));
    insta::assert_snapshot!("compare_json", report::compare::render_json(&cmp));
    insta::assert_snapshot!("compare_csv", report::compare::render_csv(&cmp));
    let views = report::load(&db, lex, &Filter::default()).unwrap();
    insta::assert_snapshot!("report_html", report::html::render_report(&db, &views).unwrap());
    insta::assert_snapshot!("compare_html", report::html::render_compare(&db, lex, &cmp, &Filter::default()).unwrap());
}
