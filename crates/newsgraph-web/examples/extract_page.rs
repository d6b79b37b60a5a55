//! Extracts one page (file, `.gz` allowed) and prints the metadata and body.
//!
//! `cargo run -p newsgraph-web --example extract_page -- PAGE.html[.gz] [URL]`;
//! `NEWSGRAPH_WEB_DEBUG=1` also prints the best-scoring containers.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_page PAGE.html[.gz] [URL]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let bytes = match newsgraph_web::gunzip_if_needed(bytes, 256 << 20) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let options = newsgraph_web::ExtractOptions {
        url: args.next(),
        ..Default::default()
    };
    match newsgraph_web::extract(&bytes, &options) {
        Ok(page) => {
            let mut meta = page.clone();
            meta.body = format!("{} bytes", page.body.len());
            println!("{meta:#?}\n----\n{}", page.body);
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
