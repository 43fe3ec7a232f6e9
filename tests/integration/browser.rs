//! The HTML reports in a real headless browser (Debian's chromium, which `.ci/run` installs):
//! the page loads without console errors, its parts are there, hostile article text stays
//! text, and screenshots are taken (target/screenshots/).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RIFT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
        .map(PathBuf::from)
}

/// Runs headless chromium on a page with the flags this machine needs (no sandbox as root,
/// no background networking on a closed network), returning stdout and stderr.
fn run(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> (String, String) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A store with the fixtures and one hostile article.
fn hostile_store(dir: &Path) -> PathBuf {
    let store = fixture_store(dir);
    let hostile = serde_json::json!({
        "id": "evil\"><img src=x onerror=alert(1)>",
        "outlet": "<img src=x onerror=alert('outlet')>",
        "published": "2024-02-18",
        "title": "<script>document.title='pwned'</script>",
        "url": "javascript:alert(document.cookie)",
        "text": "Russia's defence ministry said its forces had captured Avdiivka <script>document.title='pwned'</script> \" onmouseover=\"alert(2)\" and the <b>town</b> was theirs."
    });
    let file = dir.join("hostile.jsonl");
    std::fs::write(&file, format!("{hostile}\n")).unwrap();
    let out = rift(&store, &["-q", "ingest", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    store
}

/// The attribute names of every tag of a serialized DOM (quoted values skipped properly).
fn attribute_names(dom: &str) -> impl Iterator<Item = String> + '_ {
    let bytes = dom.as_bytes();
    let mut names = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' || bytes.get(i + 1).is_none_or(|b| !b.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        // Skip the tag name.
        i += 1;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
            i += 1;
        }
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' || bytes[i] == b'/' {
                break;
            }
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>') {
                i += 1;
            }
            names.push(dom[start..i].to_ascii_lowercase());
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                match bytes.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        i += 1;
                        while i < bytes.len() && bytes[i] != q {
                            i += 1;
                        }
                        i += 1;
                    }
                    _ => {
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
    }
    names.into_iter()
}

fn check_page(browser: &Path, dir: &Path, page: &Path, name: &str, expect: &[&str]) {
    let (dom, log) = run(browser, &dir.join(format!("profile-{name}")), &["--dump-dom"], page);
    assert!(dom.contains("</html>"), "{name}: chromium did not render the page: {log}");
    for e in expect {
        assert!(dom.contains(e), "{name}: `{e}` is missing from the rendered page");
    }
    // Nothing from an article became markup: no script element, no event-handler attribute.
    assert!(!dom.contains("<script"), "{name}: a script element reached the page");
    let tag_with_handler = attribute_names(&dom).any(|name| name.starts_with("on"));
    assert!(!tag_with_handler, "{name}: an element carries an event-handler attribute");
    assert!(!dom.contains("href=\"javascript:"), "{name}: a javascript: link reached the page");
    for line in log.lines() {
        assert!(!line.contains(":CONSOLE") && !line.contains("Uncaught") && !line.contains("Refused to"), "{name}: console error: {line}");
    }
    let shots = root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (label, size) in [("desktop", "1280,1600"), ("phone", "390,844")] {
        let shot = shots.join(format!("{name}-{label}.png"));
        let _ = std::fs::remove_file(&shot);
        run(browser, &dir.join(format!("profile-{name}-{label}")), &[&format!("--screenshot={}", shot.display()), &format!("--window-size={size}"), "--hide-scrollbars"], page);
        let len = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(len > 10_000, "{name}: the {label} screenshot was not taken ({len} bytes)");
    }
}

#[test]
fn the_html_reports_render_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium not found (.ci/run installs Debian's chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = hostile_store(dir.path());
    let report = dir.path().join("report.html");
    let out = rift(&store, &["report", "--format", "html", "-o", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    check_page(
        &browser,
        dir.path(),
        &report,
        "report",
        &["<title>rift conflict report</title>", "&lt;script&gt;document.title", "id=\"map-svg\"", "id=\"timeline-svg\"", "class=\"event\"", "class=\"marker\"", "class=\"claim-dot\"", "<mark id=\"s-", "class=\"sentence-link\""],
    );
    let compare = dir.path().join("compare.html");
    let out = rift(&store, &["compare", "Reuters", "TASS", "--format", "html", "-o", compare.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    check_page(&browser, dir.path(), &compare, "compare", &["id=\"coverage\"", "id=\"voices\"", "id=\"framing\"", "id=\"echoes\"", "id=\"map-svg\"", "id=\"timeline-svg\""]);
}
