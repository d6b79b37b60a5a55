//! Trains the tagger and writes a model file.
//!
//! ```text
//! newsgraph-ner-train --train TRAIN.txt --dev DEV.txt [--lexicon lexicon.tsv]
//!     [--gazetteer names.tsv] [--scheme bilou|bio] [--bits 20] [--epochs 12]
//!     [--no-clusters] [--no-caps] [--one-stage] [--folds 4] [--prune 0] [--seed 7]
//!     --out model.bin
//! ```
//!
//! The development set chooses the epoch and the confidence temperature; nothing else
//! is tuned on it.

use newsgraph_ner::train::{train, Example, TrainConfig};
use newsgraph_ner::{conll, Lexicon, ListGazetteer, NoGazetteer, Scheme, Tagger};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn read(p: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn examples(p: &PathBuf) -> Result<Vec<Example>, String> {
    let sents = conll::parse(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?;
    Example::from_conll(&sents).map_err(|e| format!("{}: {e}", p.display()))
}

fn run() -> Result<(), String> {
    let (mut train_p, mut dev_p, mut out, mut lex_p, mut gaz_p) = (None, None, None, None, None);
    let mut cfg = TrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_p = Some(PathBuf::from(val()?)),
            "--dev" => dev_p = Some(PathBuf::from(val()?)),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--lexicon" => lex_p = Some(PathBuf::from(val()?)),
            "--gazetteer" => gaz_p = Some(PathBuf::from(val()?)),
            "--scheme" => {
                cfg.scheme = match val()?.as_str() {
                    "bio" => Scheme::Bio,
                    "bilou" => Scheme::Bilou,
                    s => return Err(format!("unknown scheme {s:?} (bio, bilou)")),
                }
            }
            "--bits" => {
                cfg.bits = val()?.parse().map_err(|_| "bad --bits")?;
                if !(8..=24).contains(&cfg.bits) {
                    return Err("--bits must be 8..=24".into());
                }
            }
            "--epochs" => cfg.epochs = val()?.parse().map_err(|_| "bad --epochs")?,
            "--prune" => cfg.prune = val()?.parse().map_err(|_| "bad --prune")?,
            "--seed" => cfg.seed = val()?.parse().map_err(|_| "bad --seed")?,
            "--no-clusters" => cfg.features.clusters = false,
            "--no-caps" => cfg.features.caps = false,
            "--one-stage" => cfg.two_stage = false,
            "--folds" => cfg.folds = val()?.parse().map_err(|_| "bad --folds")?,
            "-h" | "--help" => {
                println!("newsgraph-ner-train --train FILE --dev FILE [--lexicon FILE] [--gazetteer FILE] [--scheme bilou|bio] [--bits 20] [--epochs 12] [--no-clusters] [--no-caps] [--one-stage] [--folds 4] [--prune 0] [--seed 7] --out FILE");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a:?}")),
        }
    }
    let train_p = train_p.ok_or("--train is required")?;
    let dev_p = dev_p.ok_or("--dev is required")?;
    let out = out.ok_or("--out is required")?;
    let t0 = Instant::now();
    let tr = examples(&train_p)?;
    let dv = examples(&dev_p)?;
    let lexicon = match &lex_p {
        Some(p) => Lexicon::parse(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?,
        None => {
            cfg.features.clusters = false;
            cfg.features.caps = false;
            Lexicon::default()
        }
    };
    let gaz = match &gaz_p {
        Some(p) => {
            Some(ListGazetteer::parse(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?)
        }
        None => None,
    };
    eprintln!(
        "{} train / {} dev sentences; lexicon {:?}; {cfg:?}",
        tr.len(),
        dv.len(),
        lexicon.len()
    );
    let (tagger, report) = train(&tr, &dv, lexicon, gaz, &cfg, |l| {
        eprintln!("{l} [{:.0}s]", t0.elapsed().as_secs_f64())
    });
    let bytes = tagger.to_bytes(cfg.prune);
    // Check the written bytes load and score like the trained tagger.
    let check = Tagger::load(&bytes).map_err(|e| format!("reloading the model: {e}"))?;
    let mut prf = newsgraph_ner::train::Prf::default();
    let mut i = 0;
    while i < dv.len() {
        let mut j = i;
        while j < dv.len() && dv[j].doc == dv[i].doc {
            j += 1;
        }
        let toks: Vec<Vec<&str>> = dv[i..j]
            .iter()
            .map(|e| e.tokens.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = toks.iter().map(Vec::as_slice).collect();
        for (ex, tags) in dv[i..j].iter().zip(check.tag_document(&refs, &NoGazetteer)) {
            let pred = newsgraph_ner::tags::tag_spans(&tags);
            prf.tp += pred.iter().filter(|p| ex.spans.contains(p)).count();
            prf.predicted += pred.len();
            prf.gold += ex.spans.len();
        }
        i = j;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "best epoch {} (dev F1 {:.4}); saved model: dev P {:.4} R {:.4} F1 {:.4}; temperature {}; {} bytes to {} ({:.0}s)",
        report.best_epoch,
        report.best.f1(),
        prf.precision(),
        prf.recall(),
        prf.f1(),
        report.temperature,
        bytes.len(),
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
