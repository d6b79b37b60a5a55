//! `newsgraph eval`: score a stage on a benchmark file in its standard format.

use crate::exit::Code;
use crate::output::{self, ellipsize, Global};
use anyhow::Context;
use clap::{Args, Subcommand};
use newsgraph_eval::sbd;
use serde_json::json;
use std::path::PathBuf;
use std::time::Instant;

/// The stages that can be scored.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Sentence boundaries, on JSON Lines of `{"text": …, "sentences": [...]}`: exact
    /// match per case, and boundary precision/recall/F1 over all cases.
    Sbd(SbdArgs),
    /// Time expressions, on TimeML files (TempEval-3 layout: DCT and gold TIMEX3 tags):
    /// strict and relaxed match P/R/F1, type and value accuracy, value F1.
    Timex(TimexArgs),
    /// Names, on CoNLL-2003 files (token … tag; IOB1 or IOB2; `-DOCSTART-` lines):
    /// conlleval-compatible exact-span precision/recall/F1 per type and overall, and
    /// tokens/s. Types map PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/MISC→MISC.
    Ner(NerArgs),
    /// Article body extraction, on the article-extraction-benchmark layout
    /// (`html/ID.html[.gz]`, `ground-truth.json`): the benchmark's shingle metric
    /// (precision, recall, F1) and pages/s.
    Extract(ExtractArgs),
    /// Events, on JSON Lines of `{"text", "date"?, "events": [{"type", "source",
    /// "target", "modality"?}]}`: type, source, target and modality P/R/F1, and the
    /// combined type+source+target+modality P/R/F1.
    Events(EventsArgs),
    /// Story clustering, on JSON Lines of `{"id", "date", "title", "text", "cluster"}`
    /// (the streaming news-clustering benchmark layout): the articles are clustered
    /// online in date order; BCubed and pairwise precision/recall/F1, gold and
    /// predicted cluster counts, and articles/s of the clustering alone.
    Cluster(ClusterArgs),
}

/// Arguments of `newsgraph eval cluster`.
#[derive(Debug, Args)]
pub struct ClusterArgs {
    /// The stream (JSON Lines; a JSON array of the same objects is read too).
    file: PathBuf,

    /// Also run the per-article pipeline (actors, events, date bounds) and cluster a
    /// second time with actor ids and event keys: both figures are printed.
    #[arg(long)]
    analyze: bool,

    /// Write each article's predicted story as JSON Lines `{"id", "cluster"}`, in
    /// stream order (from the `--analyze` run when given).
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,

    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `newsgraph eval events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// The gold file (JSON Lines).
    file: PathBuf,

    /// Write what newsgraph found, in the same layout as the gold file.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
}

/// Arguments of `newsgraph eval ner`.
#[derive(Debug, Args)]
pub struct NerArgs {
    /// The CoNLL file.
    file: PathBuf,

    /// Write the input back with a last column of predicted tags (what conlleval reads).
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,

    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `newsgraph eval extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The benchmark directory.
    dir: PathBuf,

    /// Write the benchmark's JSON (ID → `{"articleBody"}`) of what newsgraph extracted.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,

    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `newsgraph eval timex`.
#[derive(Debug, Args)]
pub struct TimexArgs {
    /// A `.tml` file, or a directory searched recursively for them.
    path: PathBuf,

    /// Write each document back as TimeML with newsgraph's TIMEX3 tags, under the same
    /// relative path in this directory (for the official TempEval-3 scorer).
    #[arg(long, value_name = "DIR")]
    predictions: Option<PathBuf>,

    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `newsgraph eval sbd`.
#[derive(Debug, Args)]
pub struct SbdArgs {
    /// The gold file (JSON Lines).
    file: PathBuf,

    /// Write newsgraph's sentences to this file, in the same layout as the gold file.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,

    /// Score another system's sentences from this file (same layout, same texts in the
    /// same order) instead of running newsgraph: a side-by-side with the same scorer.
    #[arg(long, value_name = "FILE", conflicts_with = "predictions")]
    score: Option<PathBuf>,

    /// List at most this many failed cases (0: none).
    #[arg(long, default_value_t = 10)]
    show_failures: usize,

    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `newsgraph eval …`.
pub fn run(_global: &Global, cmd: EvalCommand) -> anyhow::Result<Code> {
    match cmd {
        EvalCommand::Sbd(args) => run_sbd(args),
        EvalCommand::Timex(args) => run_timex(args),
        EvalCommand::Ner(args) => run_ner(args),
        EvalCommand::Extract(args) => run_extract(args),
        EvalCommand::Events(args) => run_events(args),
        EvalCommand::Cluster(args) => run_cluster(args),
    }
}

fn run_cluster(args: ClusterArgs) -> anyhow::Result<Code> {
    use newsgraph_eval::cluster as ce;
    let started = Instant::now();
    let content = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let docs = ce::parse_stream(&content).with_context(|| args.file.display().to_string())?;
    let order = ce::stream_order(&docs);
    let params = newsgraph_eval::cluster::default_params();
    let text_docs = order.iter().map(|&i| ce::story_doc(&docs[i])).collect();
    let (text, text_assignments) = ce::evaluate_docs(&docs, &order, text_docs, "text", params);
    let mut analyzed = None;
    let mut analysis_seconds = 0.0;
    if args.analyze {
        let analysis_started = Instant::now();
        let articles: Vec<newsgraph_model::Article> = order
            .iter()
            .map(|&i| newsgraph_model::Article {
                id: docs[i].id.clone(),
                title: docs[i].title.clone(),
                body: docs[i].text.clone(),
                published: docs[i].date.clone(),
                ..newsgraph_model::Article::default()
            })
            .collect();
        let analyses = newsgraph_pipeline::analyze_all(articles);
        let story_docs = order
            .iter()
            .zip(&analyses)
            .map(|(&i, a)| {
                let mentions: Vec<newsgraph_model::Mention> =
                    a.links.contract_mentions().cloned().collect();
                ce::analyzed_story_doc(
                    &docs[i],
                    &mentions,
                    &a.events,
                    a.article.published_bounds.as_ref(),
                )
            })
            .collect();
        analysis_seconds = analysis_started.elapsed().as_secs_f64();
        analyzed = Some(ce::evaluate_docs(
            &docs,
            &order,
            story_docs,
            "text+actors+events",
            params,
        ));
    }
    let total_seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.predictions {
        let assignments = analyzed.as_ref().map_or(&text_assignments, |(_, a)| a);
        std::fs::write(path, ce::predictions_jsonl(assignments))
            .with_context(|| format!("cannot write predictions to {}", path.display()))?;
    }
    if args.json {
        output::print_json(&json!({
            "file": args.file.display().to_string(),
            "articles": docs.len(),
            "text": text,
            "analyzed": analyzed.as_ref().map(|(r, _)| r),
            "analysis_seconds": analysis_seconds,
            "total_seconds": total_seconds,
        }))?;
        return Ok(Code::Success);
    }
    println!("story clustering on {}", args.file.display());
    println!("{text}");
    if let Some((report, _)) = &analyzed {
        println!("{report}");
        println!("  (per-article pipeline: {analysis_seconds:.2}s, all cores)");
    }
    println!(
        "  whole run {:.2}s, {:.0} articles/s",
        total_seconds,
        docs.len() as f64 / total_seconds.max(1e-9)
    );
    Ok(Code::Success)
}

fn run_events(args: EventsArgs) -> anyhow::Result<Code> {
    use newsgraph_eval::events;
    let started = Instant::now();
    let (report, cases) = events::evaluate_file(&args.file)
        .with_context(|| format!("cannot evaluate {}", args.file.display()))?;
    if let Some(path) = &args.predictions {
        std::fs::write(path, events::write_cases(&cases))
            .with_context(|| format!("cannot write predictions to {}", path.display()))?;
    }
    println!("events on {}", args.file.display());
    println!("{report}");
    println!("({:.2}s)", started.elapsed().as_secs_f64());
    Ok(Code::Success)
}

fn run_ner(args: NerArgs) -> anyhow::Result<Code> {
    use newsgraph_eval::ner;
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let tagger = newsgraph_ner::Tagger::builtin().context("cannot load the built-in tagger")?;
    let evaluation = ner::evaluate(tagger, &text, &newsgraph_ner::NoGazetteer)
        .with_context(|| args.file.display().to_string())?;
    if let Some(path) = &args.predictions {
        std::fs::write(
            path,
            ner::predictions_text(&evaluation.sentences, &evaluation.predictions),
        )
        .with_context(|| format!("cannot write predictions to {}", path.display()))?;
    }
    if args.json {
        output::print_json(&evaluation)?;
    } else {
        println!("names on {}", args.file.display());
        print!("{}", ner::format_report(&evaluation));
    }
    Ok(Code::Success)
}

fn run_extract(args: ExtractArgs) -> anyhow::Result<Code> {
    use newsgraph_eval::extract;
    let (report, predictions) = extract::run(&args.dir)
        .with_context(|| format!("cannot evaluate {}", args.dir.display()))?;
    if let Some(path) = &args.predictions {
        extract::write_predictions(path, &predictions)
            .with_context(|| format!("cannot write predictions to {}", path.display()))?;
    }
    if args.json {
        output::print_json(&json!({
            "dir": args.dir.display().to_string(),
            "documents": report.documents, "precision": report.precision,
            "recall": report.recall, "f1": report.f1,
            "pages_per_sec": report.pages_per_sec, "mb_per_sec": report.mb_per_sec,
            "failures": report.failures,
        }))?;
    } else {
        println!("article extraction on {}", args.dir.display());
        println!(
            "  {} pages  precision {:.4}  recall {:.4}  F1 {:.4}",
            report.documents, report.precision, report.recall, report.f1
        );
        println!(
            "  {:.0} pages/s, {:.1} MB/s (one thread)",
            report.pages_per_sec, report.mb_per_sec
        );
        for (id, err) in &report.failures {
            println!("  ✗ {id}: {err}");
        }
    }
    Ok(Code::Success)
}

fn run_timex(args: TimexArgs) -> anyhow::Result<Code> {
    let started = Instant::now();
    let report = newsgraph_eval::timex::evaluate_dir(&args.path, args.predictions.as_deref())
        .with_context(|| format!("cannot evaluate {}", args.path.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("seconds".into(), json!(seconds));
        }
        output::print_json(&value)?;
    } else {
        println!("time expressions on {}", args.path.display());
        println!("{report}");
        println!("({seconds:.2}s)");
    }
    Ok(Code::Success)
}

fn run_sbd(args: SbdArgs) -> anyhow::Result<Code> {
    let content = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let cases = sbd::parse_jsonl(&content).with_context(|| args.file.display().to_string())?;
    let started = Instant::now();
    let report = match &args.score {
        None => sbd::evaluate(&cases),
        Some(path) => {
            let content = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let theirs = sbd::parse_jsonl(&content).with_context(|| path.display().to_string())?;
            if theirs.len() != cases.len()
                || theirs
                    .iter()
                    .zip(&cases)
                    .any(|((_, t), (_, g))| t.text != g.text)
            {
                anyhow::bail!(
                    "{}: its texts differ from those of {} (same cases in the same order needed)",
                    path.display(),
                    args.file.display()
                );
            }
            let answers: std::collections::HashMap<String, Vec<String>> = theirs
                .into_iter()
                .map(|(_, case)| (case.text, case.sentences))
                .collect();
            sbd::evaluate_with(&cases, |text| {
                answers.get(text).cloned().unwrap_or_default()
            })
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.predictions {
        std::fs::write(path, sbd::predictions_jsonl(&report))
            .with_context(|| format!("cannot write predictions to {}", path.display()))?;
    }
    if args.json {
        output::print_json(&json!({
            "file": args.file.display().to_string(),
            "cases": report.cases, "exact": report.exact, "exact_rate": report.exact_rate,
            "precision": report.precision, "recall": report.recall, "f1": report.f1,
            "true_positives": report.true_positives, "false_positives": report.false_positives,
            "false_negatives": report.false_negatives, "unaligned": report.unaligned,
            "seconds": seconds,
        }))?;
        return Ok(Code::Success);
    }
    match &args.score {
        None => println!("sentence boundaries on {} (newsgraph)", args.file.display()),
        Some(p) => println!(
            "sentence boundaries on {} (predictions from {})",
            args.file.display(),
            p.display()
        ),
    }
    println!(
        "  exact match  {}/{} cases ({:.1}%)",
        report.exact,
        report.cases,
        100.0 * report.exact_rate
    );
    println!(
        "  boundaries   precision {:.4}  recall {:.4}  F1 {:.4}  (tp {}, fp {}, fn {})",
        report.precision,
        report.recall,
        report.f1,
        report.true_positives,
        report.false_positives,
        report.false_negatives
    );
    if report.unaligned > 0 {
        println!(
            "  warning: {} cases had sentences not found in their text",
            report.unaligned
        );
    }
    for failure in report.failures().take(args.show_failures) {
        println!(
            "  ✗ line {}: {}",
            failure.line,
            ellipsize(&failure.text, 100)
        );
        for s in &failure.gold {
            println!("      gold  | {s}");
        }
        for s in &failure.predicted {
            println!("      pred  | {s}");
        }
    }
    Ok(Code::Success)
}
