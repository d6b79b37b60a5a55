//! Training: a structured averaged perceptron over hashed features.
//!
//! Each epoch visits the training sentences in a fixed pseudo-random order, decodes
//! each with Viterbi under the current weights and, where the best sequence differs
//! from the gold one, adds the features of the gold labels and subtracts those of the
//! predicted labels (emissions per token, transitions per label pair). The weights
//! used for tagging are the average over all steps (Collins 2002), kept with the usual
//! lazy trick (`avg = w − u / c`, where `u` accumulates `c · update`). After every epoch
//! the averaged weights are scored on the development set; the best epoch is kept.
//! Finally the weights are quantised to `i16`, and a temperature for span confidences
//! is fitted on the development set (best log-likelihood of the gold labels).

use crate::conll::{chunks, ConllSentence};
use crate::error::NerError;
use crate::features::{doc_feats, DocFeat, Extractor, FeatureConfig, Lexicon};
use crate::gazetteer::{GazFlags, Gazetteer, ListGazetteer};
use crate::model::{marginals, viterbi, Model};
use crate::tags::{EntityType, Scheme, TokenSpan};
use crate::Tagger;
use std::collections::HashSet;

/// A training or development sentence: tokens and gold names.
#[derive(Debug, Clone)]
pub struct Example {
    /// Tokens.
    pub tokens: Vec<String>,
    /// Gold names.
    pub spans: Vec<TokenSpan>,
    /// Document number (sentences of one document are consecutive).
    pub doc: usize,
}

impl Example {
    /// Examples of a parsed CoNLL file (types PER, ORG, LOC, MISC; IOB1 or IOB2).
    pub fn from_conll(sentences: &[ConllSentence]) -> Result<Vec<Example>, NerError> {
        let mut doc = 0usize;
        sentences
            .iter()
            .enumerate()
            .map(|(k, s)| {
                if s.doc_start.is_some() && k > 0 {
                    doc += 1;
                }
                let spans = chunks(&s.tags)
                    .into_iter()
                    .map(|c| {
                        EntityType::parse(&c.ty)
                            .map(|ty| TokenSpan {
                                start: c.start,
                                end: c.end,
                                ty,
                            })
                            .ok_or_else(|| NerError::Conll {
                                line: s.line + c.start,
                                message: format!("unknown entity type {:?}", c.ty),
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Example {
                    tokens: s.tokens.clone(),
                    spans,
                    doc,
                })
            })
            .collect()
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Internal label scheme.
    pub scheme: Scheme,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// Most epochs to run.
    pub epochs: usize,
    /// Optional feature groups.
    pub features: FeatureConfig,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Quantised weights whose row maximum is at most this are dropped when saving.
    pub prune: i16,
    /// Train a second, document-level stage (on jackknifed first-stage labels).
    pub two_stage: bool,
    /// Folds for the jackknife.
    pub folds: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            scheme: Scheme::Bilou,
            bits: 20,
            epochs: 12,
            features: FeatureConfig {
                gazetteer: false,
                clusters: true,
                caps: true,
                doc: false,
            },
            seed: 7,
            prune: 0,
            two_stage: true,
            folds: 4,
        }
    }
}

/// Precision / recall / F1 of exact name spans.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Correct predicted names.
    pub tp: usize,
    /// Predicted names.
    pub predicted: usize,
    /// Gold names.
    pub gold: usize,
}

impl Prf {
    /// Precision (1 when nothing predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    /// Recall (1 when nothing to find).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, gold: &[TokenSpan], pred: &[TokenSpan]) {
        let g: HashSet<_> = gold.iter().collect();
        self.tp += pred.iter().filter(|p| g.contains(p)).count();
        self.predicted += pred.len();
        self.gold += gold.len();
    }
}

struct Prepared {
    feats: Vec<u32>,
    offsets: Vec<u32>,
    labels: Vec<u8>,
}

fn prepare(
    ex: &[Example],
    scheme: Scheme,
    lex: &Lexicon,
    cfg: FeatureConfig,
    bits: u32,
    gaz: &dyn Gazetteer,
    docs: Option<&[Vec<DocFeat>]>,
) -> Vec<Prepared> {
    let mut e = Extractor::default();
    let mut flags = Vec::new();
    ex.iter()
        .enumerate()
        .map(|(k, x)| {
            let toks: Vec<&str> = x.tokens.iter().map(String::as_str).collect();
            flags.clear();
            flags.resize(toks.len(), GazFlags::default());
            if cfg.gazetteer {
                gaz.annotate(&toks, &mut flags);
            }
            let d = docs.and_then(|d| d.get(k)).map_or(&[][..], Vec::as_slice);
            e.sentence(&toks, &flags, d, lex, cfg, bits);
            Prepared {
                feats: e.feats.clone(),
                offsets: e.offsets.clone(),
                labels: scheme.encode(toks.len(), &x.spans),
            }
        })
        .collect()
}

struct Weights {
    l: usize,
    w: Vec<f32>,
    u: Vec<f64>,
    tw: Vec<f32>,
    tu: Vec<f64>,
    c: f64,
}

impl Weights {
    fn emissions(&self, p: &Prepared, w: &[f32], out: &mut Vec<f32>) {
        let l = self.l;
        let n = p.labels.len();
        out.clear();
        out.resize(n * l, 0.0);
        for i in 0..n {
            let o = &mut out[i * l..(i + 1) * l];
            for &f in &p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize] {
                let row = &w[f as usize * l..(f as usize + 1) * l];
                for (a, b) in o.iter_mut().zip(row) {
                    *a += b;
                }
            }
        }
    }

    fn upd_feat(&mut self, p: &Prepared, i: usize, y: u8, d: f32) {
        let l = self.l;
        let cd = self.c * d as f64;
        for &f in &p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize] {
            let k = f as usize * l + y as usize;
            self.w[k] += d;
            self.u[k] += cd;
        }
    }

    fn upd_trans(&mut self, k: usize, d: f32) {
        self.tw[k] += d;
        self.tu[k] += self.c * d as f64;
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c.max(1.0);
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect();
        let t = self
            .tw
            .iter()
            .zip(&self.tu)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect();
        (w, t)
    }
}

fn split_trans(scheme: Scheme, t: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let l = scheme.n_labels();
    let mut trans = t[..(l + 1) * l].to_vec();
    let mut end = t[(l + 1) * l..].to_vec();
    Model::mask_transitions(scheme, &mut trans, &mut end);
    (trans, end)
}

fn evaluate(
    scheme: Scheme,
    wts: &Weights,
    w: &[f32],
    t: &[f32],
    dev: &[Prepared],
    gold: &[Example],
) -> Prf {
    let (trans, end) = split_trans(scheme, t);
    let mut prf = Prf::default();
    let (mut emit, mut back, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for (p, g) in dev.iter().zip(gold) {
        wts.emissions(p, w, &mut emit);
        viterbi(&emit, &trans, &end, wts.l, &mut back, &mut out);
        let pred = crate::tags::tag_spans(&scheme.to_tags(&out));
        prf.add(&g.spans, &pred);
    }
    prf
}

/// What training did.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Development F1 after each epoch (averaged weights).
    pub dev_f1: Vec<f64>,
    /// The epoch kept (1-based).
    pub best_epoch: usize,
    /// Development scores of the kept epoch, before quantisation.
    pub best: Prf,
    /// Fitted temperature.
    pub temperature: f32,
}

/// Trains one stage; returns the model (unquantised temperature 1) and its report.
#[allow(clippy::too_many_arguments)]
fn train_stage(
    tr: &[Prepared],
    dv: &[Prepared],
    dev: &[Example],
    lexicon: &Lexicon,
    gazetteer: &ListGazetteer,
    fc: FeatureConfig,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> (Model, TrainReport) {
    let scheme = cfg.scheme;
    let l = scheme.n_labels();
    let bits = cfg.bits;
    let rows = 1usize << bits;
    let nt = (l + 1) * l + l;
    let mut wts = Weights {
        l,
        w: vec![0.0; rows * l],
        u: vec![0.0; rows * l],
        tw: vec![0.0; nt],
        tu: vec![0.0; nt],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..tr.len()).collect();
    let mut rng = cfg.seed.max(1);
    let mut report = TrainReport {
        dev_f1: Vec::new(),
        best_epoch: 0,
        best: Prf::default(),
        temperature: 1.0,
    };
    let mut best: Option<(Vec<f32>, Vec<f32>)> = None;
    let (mut emit, mut back, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 1..=cfg.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &k in &order {
            let p = &tr[k];
            let n = p.labels.len();
            if n == 0 {
                continue;
            }
            let (trans, end) = split_trans(scheme, &wts.tw);
            wts.emissions(p, &wts.w, &mut emit);
            viterbi(&emit, &trans, &end, l, &mut back, &mut out);
            if out != p.labels {
                errors += 1;
                for i in 0..n {
                    let (g, y) = (p.labels[i], out[i]);
                    if g != y {
                        wts.upd_feat(p, i, g, 1.0);
                        wts.upd_feat(p, i, y, -1.0);
                    }
                    let (gp, yp) = if i == 0 {
                        (0, 0)
                    } else {
                        (p.labels[i - 1] as usize + 1, out[i - 1] as usize + 1)
                    };
                    if (gp, g) != (yp, y) {
                        wts.upd_trans(gp * l + g as usize, 1.0);
                        wts.upd_trans(yp * l + y as usize, -1.0);
                    }
                }
                let (g, y) = (p.labels[n - 1] as usize, out[n - 1] as usize);
                if g != y {
                    wts.upd_trans((l + 1) * l + g, 1.0);
                    wts.upd_trans((l + 1) * l + y, -1.0);
                }
            }
            wts.c += 1.0;
        }
        let (aw, at) = wts.averaged();
        let prf = evaluate(scheme, &wts, &aw, &at, dv, dev);
        log(&format!(
            "epoch {epoch}: {errors} sentences wrong of {}; dev P {:.4} R {:.4} F1 {:.4}",
            tr.len(),
            prf.precision(),
            prf.recall(),
            prf.f1()
        ));
        report.dev_f1.push(prf.f1());
        if best.is_none() || prf.f1() > report.best.f1() {
            report.best = prf;
            report.best_epoch = epoch;
            best = Some((aw, at));
        }
    }
    let (aw, at) = best.unwrap_or_else(|| wts.averaged());
    // Quantise.
    let max = aw.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let scale = max / 32767.0;
    let weights: Vec<i16> = aw.iter().map(|w| (w / scale).round() as i16).collect();
    let (trans, end) = split_trans(scheme, &at);
    let model = Model {
        scheme,
        bits,
        cfg: fc,
        n_labels: l,
        scale,
        temperature: 1.0,
        trans,
        end,
        lexicon: lexicon.clone(),
        gazetteer: gazetteer.clone(),
        weights,
    };
    (model, report)
}

fn predict(model: &Model, p: &[Prepared]) -> Vec<Vec<u8>> {
    let (mut emit, mut back) = (Vec::new(), Vec::new());
    p.iter()
        .map(|x| {
            let mut out = Vec::new();
            model.emissions_from(&x.feats, &x.offsets, x.labels.len(), &mut emit);
            viterbi(
                &emit,
                &model.trans,
                &model.end,
                model.n_labels,
                &mut back,
                &mut out,
            );
            out
        })
        .collect()
}

/// Document features of every example from per-example first-stage labels.
fn docs_of(ex: &[Example], labels: &[Vec<u8>], scheme: Scheme) -> Vec<Vec<DocFeat>> {
    let mut out = Vec::with_capacity(ex.len());
    let mut i = 0;
    while i < ex.len() {
        let mut j = i;
        while j < ex.len() && ex[j].doc == ex[i].doc {
            j += 1;
        }
        let sents: Vec<&[String]> = ex[i..j].iter().map(|e| e.tokens.as_slice()).collect();
        out.extend(doc_feats(&sents, &labels[i..j], scheme));
        i = j;
    }
    out
}

/// Trains a tagger on `train`, choosing epochs and the temperature on `dev`. With
/// `two_stage`, also trains the document stage: the first stage is trained `folds`
/// times on all but one fold of the training documents to label the held-out fold
/// (so the second stage learns from first-stage labels as noisy as on new text).
/// With a gazetteer, its flags become features and it is stored in the model (and
/// used at run time together with any caller-supplied [`Gazetteer`]).
/// `log` receives one line per epoch.
pub fn train(
    train: &[Example],
    dev: &[Example],
    lexicon: Lexicon,
    gazetteer: Option<ListGazetteer>,
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> (Tagger, TrainReport) {
    let mut cfg = cfg.clone();
    cfg.features.gazetteer = gazetteer.is_some();
    let cfg = &cfg;
    let gazetteer = gazetteer.unwrap_or_default();
    let gaz: &dyn Gazetteer = &gazetteer;
    let scheme = cfg.scheme;
    let l = scheme.n_labels();
    let bits = cfg.bits;
    let fc1 = FeatureConfig {
        doc: false,
        ..cfg.features
    };
    let tr = prepare(train, scheme, &lexicon, fc1, bits, gaz, None);
    let dv = prepare(dev, scheme, &lexicon, fc1, bits, gaz, None);
    log("stage 1 (sentence features)");
    let (m1, mut report) = train_stage(&tr, &dv, dev, &lexicon, &gazetteer, fc1, cfg, &mut log);
    let mut stages = vec![m1];
    let mut dv_last = dv;
    if cfg.two_stage {
        let folds = cfg.folds.max(2);
        let mut jack: Vec<Vec<u8>> = vec![Vec::new(); train.len()];
        for f in 0..folds {
            let idx: Vec<usize> = (0..train.len())
                .filter(|&k| train[k].doc % folds != f)
                .collect();
            let sub: Vec<Prepared> = idx
                .iter()
                .map(|&k| Prepared {
                    feats: tr[k].feats.clone(),
                    offsets: tr[k].offsets.clone(),
                    labels: tr[k].labels.clone(),
                })
                .collect();
            log(&format!("jackknife fold {}/{folds}", f + 1));
            let (mf, _) = train_stage(
                &sub,
                &dv_last,
                dev,
                &lexicon,
                &gazetteer,
                fc1,
                cfg,
                &mut |_| {},
            );
            let held: Vec<usize> = (0..train.len())
                .filter(|&k| train[k].doc % folds == f)
                .collect();
            let held_p: Vec<Prepared> = held
                .iter()
                .map(|&k| Prepared {
                    feats: tr[k].feats.clone(),
                    offsets: tr[k].offsets.clone(),
                    labels: tr[k].labels.clone(),
                })
                .collect();
            for (k, labels) in held.iter().zip(predict(&mf, &held_p)) {
                jack[*k] = labels;
            }
        }
        let dev_labels = predict(&stages[0], &dv_last);
        let fc2 = FeatureConfig {
            doc: true,
            ..cfg.features
        };
        let tr2 = prepare(
            train,
            scheme,
            &lexicon,
            fc2,
            bits,
            gaz,
            Some(&docs_of(train, &jack, scheme)),
        );
        let dv2 = prepare(
            dev,
            scheme,
            &lexicon,
            fc2,
            bits,
            gaz,
            Some(&docs_of(dev, &dev_labels, scheme)),
        );
        log("stage 2 (document features)");
        let (m2, r2) = train_stage(&tr2, &dv2, dev, &lexicon, &gazetteer, fc2, cfg, &mut log);
        report = r2;
        stages.push(m2);
        dv_last = dv2;
    }
    // Fit the temperature of the last stage on (up to 1500 sentences of) the
    // development set.
    let model = stages.last_mut().expect("one stage at least");
    let mut best_t = (f64::NEG_INFINITY, 1.0f32);
    let mut emit = Vec::new();
    for k in 0..16 {
        let t = 0.25f32 * 1.5f32.powi(k);
        let mut ll = 0f64;
        for p in dv_last.iter().take(1500) {
            model.emissions_from(&p.feats, &p.offsets, p.labels.len(), &mut emit);
            let m = marginals(&emit, &model.trans, &model.end, l, t);
            for (i, &g) in p.labels.iter().enumerate() {
                ll += (m[i * l + g as usize].max(1e-9) as f64).ln();
            }
        }
        if ll > best_t.0 {
            best_t = (ll, t);
        }
    }
    model.temperature = best_t.1;
    report.temperature = best_t.1;
    (Tagger::from_stages(stages), report)
}
