//! The trained model: weights, transitions, lexicon, and its binary file format.
//!
//! ## File format (little-endian, version 2)
//!
//! ```text
//! magic            8 bytes  "NGNER\0\r\n"
//! format version   u32      FORMAT_VERSION
//! stages           u8       1 (sentence model) or 2 (+ document model), then 3 zero bytes
//! per stage        u64 length, then the stage:
//! feature version  u32      FEATURE_VERSION (feature extraction the weights expect)
//! scheme           u8       0 = BIO, 1 = BILOU
//! hash bits        u8       weight table has 2^bits rows
//! clusterings      u8       cluster tables in the lexicon
//! reserved         u8       0
//! feature config   u32      bit 0 gazetteer, bit 1 clusters, bit 2 capitalisation stats
//! scale            f32      weight = stored i16 × scale
//! temperature      f32      for span confidences (scores / temperature → marginals)
//! labels           u32      L
//! transitions      f32 × ((L + 1) × L + L)   start row, one row per previous label, end
//! cluster entries  u32 n, then n × (u64 word key, clusterings × u16 id+1)
//! caps entries     u32 n, then n × (u64 lowercase key, u8 bucket)
//! gazetteer        u32 longest phrase (tokens), u32 n, then n × (u64 phrase key, u8
//!                  type bits): the names the model was trained with
//! weight rows      u32 n, then n × (LEB128 row-index delta, label mask (u16 if L ≤ 16
//!                  else u32), one i16 per set mask bit)
//! checksum         u64      FNV-1a of every preceding byte (after the last stage)
//! ```
//!
//! The second stage stores no lexicon entries (it shares the first stage's).
//!
//! Rows not listed are zero. The whole weight table is expanded to a dense `i16` array
//! at load time (2^bits × L × 2 bytes) so that scoring a feature is one slice read.

use crate::error::NerError;
use crate::features::{FeatureConfig, Lexicon, MAX_CLUSTERINGS};
use crate::gazetteer::ListGazetteer;
use crate::tags::Scheme;

/// Magic bytes at the start of a model file.
pub const MAGIC: &[u8; 8] = b"NGNER\0\r\n";
/// Version of the container format.
pub const FORMAT_VERSION: u32 = 2;
/// Version of the feature extraction; a model trained with another cannot be used.
pub const FEATURE_VERSION: u32 = 1;

/// Weights and everything else needed to tag (no scratch state).
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub scheme: Scheme,
    pub bits: u32,
    pub cfg: FeatureConfig,
    pub n_labels: usize,
    pub scale: f32,
    pub temperature: f32,
    /// `(L + 1) × L` (start row first) then `L` end scores, already masked: disallowed
    /// transitions are `-inf`.
    pub trans: Vec<f32>,
    pub end: Vec<f32>,
    pub lexicon: Lexicon,
    /// Names the model was trained with (used with any caller-supplied gazetteer when
    /// `cfg.gazetteer`).
    pub gazetteer: ListGazetteer,
    /// Dense `2^bits × L`.
    pub weights: Vec<i16>,
}

impl Model {
    /// Applies the scheme's constraints to raw transition scores.
    pub(crate) fn mask_transitions(scheme: Scheme, trans: &mut [f32], end: &mut [f32]) {
        let l = scheme.n_labels();
        for prev in 0..=l {
            for cur in 0..l {
                let p = if prev == 0 {
                    None
                } else {
                    Some(prev as u8 - 1)
                };
                if !scheme.allowed(p, cur as u8) {
                    trans[prev * l + cur] = f32::NEG_INFINITY;
                }
            }
        }
        for (a, e) in end.iter_mut().enumerate() {
            if !scheme.may_end(a as u8) {
                *e = f32::NEG_INFINITY;
            }
        }
    }

    /// Serialises the model. Rows whose largest |weight| is below `prune × scale` are
    /// dropped (0 keeps every non-zero row).
    fn write_stage(&self, prune: i16, with_lexicon: bool, out: &mut Vec<u8>) {
        let l = self.n_labels;
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(self.scheme.code());
        out.push(self.bits as u8);
        out.push(self.lexicon.n_clusterings as u8);
        out.push(0);
        out.extend_from_slice(&self.cfg.bits().to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        out.extend_from_slice(&(l as u32).to_le_bytes());
        for &t in self.trans.iter().chain(&self.end) {
            let t = if t.is_finite() { t } else { -1e30 };
            out.extend_from_slice(&t.to_le_bytes());
        }
        let nc = self.lexicon.n_clusterings;
        let mut clusters: Vec<_> = self
            .lexicon
            .clusters
            .iter()
            .filter(|_| with_lexicon)
            .collect();
        clusters.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
        for (k, v) in clusters {
            out.extend_from_slice(&k.to_le_bytes());
            for id in &v[..nc] {
                out.extend_from_slice(&id.to_le_bytes());
            }
        }
        let mut caps: Vec<_> = self.lexicon.caps.iter().filter(|_| with_lexicon).collect();
        caps.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(caps.len() as u32).to_le_bytes());
        for (k, v) in caps {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(*v);
        }
        let (max_len, phrases) = self.gazetteer.entries();
        out.extend_from_slice(&(max_len as u32).to_le_bytes());
        out.extend_from_slice(&(phrases.len() as u32).to_le_bytes());
        for (k, v) in phrases {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(v);
        }
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| {
                self.weights[r * l..(r + 1) * l]
                    .iter()
                    .any(|w| w.unsigned_abs() > prune.max(0) as u16)
            })
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0usize;
        for &r in &rows {
            let mut d = (r - prev) as u64;
            prev = r;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            let row = &self.weights[r * l..(r + 1) * l];
            let mut mask = 0u32;
            for (j, w) in row.iter().enumerate() {
                if *w != 0 {
                    mask |= 1 << j;
                }
            }
            if l <= 16 {
                out.extend_from_slice(&(mask as u16).to_le_bytes());
            } else {
                out.extend_from_slice(&mask.to_le_bytes());
            }
            for w in row.iter().filter(|w| **w != 0) {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Reads a model written by [`Model::to_bytes`].
    fn read_stage(r: &mut Reader, prev: Option<&Lexicon>) -> Result<Model, NerError> {
        let feature = r.u32()?;
        if feature != FEATURE_VERSION {
            return Err(NerError::Version {
                found: feature,
                expected: FEATURE_VERSION,
            });
        }
        let scheme = Scheme::from_code(r.u8()?).ok_or_else(|| corrupt("unknown scheme"))?;
        let bits = r.u8()? as u32;
        if !(8..=26).contains(&bits) {
            return Err(corrupt("hash bits out of range"));
        }
        let nc = r.u8()? as usize;
        if nc > MAX_CLUSTERINGS {
            return Err(corrupt("too many clusterings"));
        }
        r.u8()?;
        let cfg = FeatureConfig::from_bits(r.u32()?);
        let scale = r.f32()?;
        let temperature = r.f32()?;
        let l = r.u32()? as usize;
        if l != scheme.n_labels() || !scale.is_finite() || scale <= 0.0 {
            return Err(corrupt("label count or scale"));
        }
        let mut trans = Vec::with_capacity((l + 1) * l);
        for _ in 0..(l + 1) * l {
            trans.push(r.f32()?);
        }
        let mut end = Vec::with_capacity(l);
        for _ in 0..l {
            end.push(r.f32()?);
        }
        Model::mask_transitions(scheme, &mut trans, &mut end);
        let mut lexicon = Lexicon {
            n_clusterings: nc,
            ..Lexicon::default()
        };
        let n = r.u32()? as usize;
        r.need(n.saturating_mul(8 + 2 * nc))?;
        lexicon.clusters.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let mut v = [0u16; MAX_CLUSTERINGS];
            for slot in v.iter_mut().take(nc) {
                *slot = r.u16()?;
            }
            lexicon.clusters.insert(k, v);
        }
        let n = r.u32()? as usize;
        r.need(n.saturating_mul(9))?;
        lexicon.caps.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.caps.insert(k, r.u8()?);
        }
        let max_len = r.u32()? as usize;
        let n = r.u32()? as usize;
        r.need(n.saturating_mul(9))?;
        let mut phrases = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            phrases.push((k, r.u8()?));
        }
        let gazetteer = ListGazetteer::from_entries(max_len.min(64), phrases);
        let rows = 1usize << bits;
        let mut weights = vec![0i16; rows * l];
        let n = r.u32()? as usize;
        let mut row = 0usize;
        for k in 0..n {
            let mut d = 0u64;
            let mut shift = 0;
            loop {
                let b = r.u8()?;
                d |= ((b & 0x7f) as u64) << shift;
                if b & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 35 {
                    return Err(corrupt("bad row index"));
                }
            }
            row = row
                .checked_add(d as usize)
                .filter(|&x| x < rows && (k == 0 || d > 0))
                .ok_or_else(|| corrupt("row index out of range"))?;
            let mask = if l <= 16 { r.u16()? as u32 } else { r.u32()? };
            for j in 0..l {
                if mask & (1 << j) != 0 {
                    weights[row * l + j] = r.u16()? as i16;
                }
            }
        }
        if lexicon.is_empty() {
            if let Some(p) = prev {
                lexicon = p.clone();
            }
        }
        Ok(Model {
            scheme,
            bits,
            cfg,
            n_labels: l,
            scale,
            temperature: if temperature.is_finite() && temperature > 0.0 {
                temperature
            } else {
                1.0
            },
            trans,
            end,
            lexicon,
            gazetteer,
            weights,
        })
    }

    /// Emission scores (`n × L`, in weight units × scale) of a sentence's features.
    pub(crate) fn emissions(&self, ex: &crate::features::Extractor, n: usize, out: &mut Vec<f32>) {
        self.emissions_from(&ex.feats, &ex.offsets, n, out)
    }

    /// Emission scores from flat feature rows (`offsets` has `n + 1` entries).
    pub(crate) fn emissions_from(
        &self,
        feats: &[u32],
        offsets: &[u32],
        n: usize,
        out: &mut Vec<f32>,
    ) {
        let l = self.n_labels;
        out.clear();
        out.resize(n * l, 0.0);
        let mut acc = [0i32; 32];
        for i in 0..n {
            acc[..l].iter_mut().for_each(|a| *a = 0);
            let (a, b) = (offsets[i] as usize, offsets[i + 1] as usize);
            for &f in feats.get(a..b).unwrap_or(&[]) {
                let base = f as usize * l;
                if let Some(row) = self.weights.get(base..base + l) {
                    for (a, &w) in acc[..l].iter_mut().zip(row) {
                        *a += w as i32;
                    }
                }
            }
            for (o, &a) in out[i * l..(i + 1) * l].iter_mut().zip(&acc[..l]) {
                *o = a as f32 * self.scale;
            }
        }
    }
}

/// Writes a model file holding the given stages (the lexicon is stored once, with the
/// first stage; later stages share it).
pub(crate) fn write_file(stages: &[&Model], prune: i16) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(stages.len() as u8);
    out.extend_from_slice(&[0, 0, 0]);
    for (k, m) in stages.iter().enumerate() {
        let mut body = Vec::new();
        m.write_stage(prune, k == 0, &mut body);
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&body);
    }
    let sum = fnv(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Reads a model file written by [`write_file`]: its stages, first to last.
pub(crate) fn read_file(bytes: &[u8]) -> Result<Vec<Model>, NerError> {
    if bytes.len() < 24 || &bytes[..8] != MAGIC {
        return Err(NerError::BadMagic);
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let mut r = Reader { b: body, pos: 8 };
    let format = r.u32()?;
    if format != FORMAT_VERSION {
        return Err(NerError::Version {
            found: format,
            expected: FORMAT_VERSION,
        });
    }
    let stored = u64::from_le_bytes(tail.try_into().map_err(|_| corrupt("checksum"))?);
    if fnv(body) != stored {
        return Err(corrupt("checksum mismatch"));
    }
    let n = r.u8()? as usize;
    r.take::<3>()?;
    if !(1..=2).contains(&n) {
        return Err(corrupt("stage count must be 1 or 2"));
    }
    let mut stages: Vec<Model> = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.u64()? as usize;
        r.need(len)?;
        let mut sub = Reader {
            b: &r.b[r.pos..r.pos + len],
            pos: 0,
        };
        let m = Model::read_stage(&mut sub, stages.first().map(|m| &m.lexicon))?;
        if sub.pos != len {
            return Err(corrupt("trailing bytes in a stage"));
        }
        r.pos += len;
        stages.push(m);
    }
    if r.pos != body.len() {
        return Err(corrupt("trailing bytes"));
    }
    Ok(stages)
}

fn corrupt(what: &str) -> NerError {
    NerError::Corrupt(what.to_string())
}

pub(crate) fn fnv(b: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &x in b {
        h = (h ^ x as u64).wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn need(&self, n: usize) -> Result<(), NerError> {
        if self.b.len().saturating_sub(self.pos) < n {
            Err(corrupt("truncated"))
        } else {
            Ok(())
        }
    }
    fn take<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        self.need(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(&self.b[self.pos..self.pos + N]);
        self.pos += N;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, NerError> {
        Ok(self.take::<1>()?[0])
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        Ok(u16::from_le_bytes(self.take()?))
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_le_bytes(self.take()?))
    }
}

/// Best label sequence under emission scores `emit` (`n × L`) and masked transitions.
pub(crate) fn viterbi(
    emit: &[f32],
    trans: &[f32],
    end: &[f32],
    l: usize,
    back: &mut Vec<u8>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = emit.len() / l;
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * l, 0);
    let mut prev = [0f32; 32];
    let mut cur = [0f32; 32];
    for y in 0..l {
        prev[y] = trans[y] + emit[y];
    }
    for i in 1..n {
        for y in 0..l {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (a, &p) in prev[..l].iter().enumerate() {
                let s = p + trans[(a + 1) * l + y];
                if s > best {
                    best = s;
                    arg = a as u8;
                }
            }
            cur[y] = best + emit[i * l + y];
            back[i * l + y] = arg;
        }
        prev[..l].copy_from_slice(&cur[..l]);
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0u8;
    for y in 0..l {
        let s = prev[y] + end[y];
        if s > best {
            best = s;
            arg = y as u8;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = back[i * l + out[i] as usize];
    }
}

/// Per-token label marginals (`n × L`) of the distribution `exp(score / temperature)`
/// over allowed label sequences (forward–backward in log space).
pub(crate) fn marginals(emit: &[f32], trans: &[f32], end: &[f32], l: usize, temp: f32) -> Vec<f32> {
    let n = emit.len() / l;
    if n == 0 {
        return Vec::new();
    }
    let t = 1.0 / temp.max(1e-6);
    let lse = |f: &dyn Fn(usize) -> f32| -> f32 {
        let mut buf = [0f32; 32];
        let mut m = f32::NEG_INFINITY;
        for (a, b) in buf[..l].iter_mut().enumerate() {
            *b = f(a);
            m = m.max(*b);
        }
        if m == f32::NEG_INFINITY {
            return m;
        }
        m + buf[..l].iter().map(|x| (x - m).exp()).sum::<f32>().ln()
    };
    let mut alpha = vec![0f32; n * l];
    let mut beta = vec![0f32; n * l];
    for y in 0..l {
        alpha[y] = (trans[y] + emit[y]) * t;
    }
    for i in 1..n {
        for y in 0..l {
            let s = lse(&|a| alpha[(i - 1) * l + a] + trans[(a + 1) * l + y] * t);
            alpha[i * l + y] = s + emit[i * l + y] * t;
        }
    }
    for y in 0..l {
        beta[(n - 1) * l + y] = end[y] * t;
    }
    for i in (0..n - 1).rev() {
        for y in 0..l {
            let v = lse(&|b| {
                trans[(y + 1) * l + b] * t + emit[(i + 1) * l + b] * t + beta[(i + 1) * l + b]
            });
            beta[i * l + y] = v;
        }
    }
    let z = lse(&|y| alpha[(n - 1) * l + y] + beta[(n - 1) * l + y]);
    let mut out = vec![0f32; n * l];
    for i in 0..n {
        for y in 0..l {
            let v = alpha[i * l + y] + beta[i * l + y] - z;
            out[i * l + y] = if v.is_finite() { v.exp() } else { 0.0 };
        }
    }
    out
}
