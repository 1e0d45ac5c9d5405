//! The network's products in 8-bit integers, for parsing only: each weight row scaled to
//! ±127 and rounded once when the model is loaded, each word's vector scaled to its own
//! largest value when it is multiplied, the sums in 32-bit integers, the scales applied after.
//!
//! Why: a processor with AVX-512 VNNI multiplies four pairs of bytes and adds them into a
//! 32-bit sum in one instruction (`vpdpbusd`: 32 products a 256-bit register), four times
//! the products of a float instruction, reading a quarter of the bytes; without it, AVX2's
//! 16-bit multiply-add (`vpmaddwd`: sixteen products, added in adjacent pairs) makes the same
//! integers at half that rate. The weights are laid out eight rows a register (two or four
//! columns of each), and each word's two or four inputs are repeated across one, so that
//! one instruction adds them into eight rows' sums and no sum is ever added across a
//! register. Integer sums are exact, so a product gives the same bits with any of the three
//! kernels ([`Kernel`]). What it costs: each term is off by half a step of its row's scale
//! and of its word's, which moves a parse rarely (EWT dev: `models/README.md`). Training and
//! [`super::Model::parse`] keep the float products; [`super::Parser`] uses these.
//!
//! The one `unsafe` of the project is here ([`vnni`]): the 8-bit instruction is in no
//! well-kept safe crate (pulp, used for AVX2, has no VNNI operation), so it is called from
//! `std::arch`, in a function compiled for the instruction set and called only once the
//! processor was seen to have it.

use super::Span;
use super::infer::{Products, Reuse};
use super::math::sl;
use pulp::i16x16;
use pulp::x86::V3;

/// Rows a register's eight sums cover.
const ROWS: usize = 8;

/// The largest magnitude of a weight after scaling (8 bits with the sign).
const WEIGHT_MAX: f32 = 127.0;

/// What each input's integer is moved by for the 8-bit multiply-add, which takes inputs
/// unsigned: the kernel sums `w · (x + 128)`, and the row's `128 Σ w` is taken off after.
const OFFSET: i32 = 128;

/// The largest magnitude of an input after scaling, for rows `cols` long: 127 (8 bits with
/// the sign), less only where a sum of `cols` products could leave an `i32` (`cols × 127 ×
/// max ≥ 2³¹`, past 133,000 columns; the network's are 256 at most), and at least 1.
fn input_max(cols: usize) -> f32 {
    let bound = (i32::MAX as f64 / (cols.max(1) as f64 * WEIGHT_MAX as f64)).floor();
    bound.clamp(1.0, 127.0) as f32
}

/// A weight matrix in 8-bit integers, `w[r][c] ≈ q(r, c) × scale[r]`, laid out by blocks of
/// eight rows twice: for the 16-bit multiply-add (`pair_blocks`: block `b`'s column pair `k`
/// one register, each of rows `8b..8b+8` with its columns `2k` and `2k + 1`) and for the
/// 8-bit one (`quad_blocks`: block `b`'s column quad `k` one register, each row with its
/// columns `4k` to `4k + 3`); zeros past the last row or column.
struct QMatrix {
    rows: usize,
    cols: usize,
    pairs: usize,
    pair_blocks: Vec<[i16; 2 * ROWS]>,
    quads: usize,
    quad_blocks: Vec<[i8; 4 * ROWS]>,
    /// `128 Σ_c q(r, c)`: what the moved inputs add to row `r`'s sum, a block's eight rows
    /// together (0 past the last row).
    offset_sum: Vec<[i32; ROWS]>,
    scale: Vec<f32>,
}

impl QMatrix {
    fn new(w: &[f32], rows: usize, cols: usize) -> QMatrix {
        let (pairs, quads, blocks) = (cols.div_ceil(2), cols.div_ceil(4), rows.div_ceil(ROWS));
        let mut pair_blocks = vec![[0i16; 2 * ROWS]; blocks * pairs];
        let mut quad_blocks = vec![[0i8; 4 * ROWS]; blocks * quads];
        let mut offset_sum = vec![[0i32; ROWS]; blocks];
        let mut scale = vec![0f32; rows];
        let mut q = vec![0i16; cols];
        for (r, row) in w.chunks_exact(cols.max(1)).take(rows).enumerate() {
            scale[r] = quantize(row, WEIGHT_MAX, &mut q);
            for (c, &v) in q.iter().enumerate() {
                pair_blocks[r / ROWS * pairs + c / 2][r % ROWS * 2 + c % 2] = v;
                // Within ±127: `quantize` clamps to `WEIGHT_MAX`.
                quad_blocks[r / ROWS * quads + c / 4][r % ROWS * 4 + c % 4] = v as i8;
            }
            // Wrapping, as the kernel's sums: the sum it corrects lands on the exact one.
            let sum = q.iter().fold(0i32, |s, &v| s.wrapping_add(i32::from(v)));
            offset_sum[r / ROWS][r % ROWS] = OFFSET.wrapping_mul(sum);
        }
        QMatrix { rows, cols, pairs, pair_blocks, quads, quad_blocks, offset_sum, scale }
    }
}

/// Writes `v` scaled so that its largest finite magnitude is `max`, rounded (ties to even),
/// into `q`, and returns the scale (`v ≈ q × scale`). A vector of zeros gives zeros and
/// the scale 0; a value not finite (only from a damaged model or input) saturates or is 0.
#[inline(always)]
fn quantize(v: &[f32], max: f32, q: &mut [i16]) -> f32 {
    match factor(v, max) {
        Some((inv, scale)) => {
            q.iter_mut().zip(v).for_each(|(q, x)| *q = to_int(*x, inv, max) as i16);
            scale
        }
        None => {
            q.iter_mut().for_each(|q| *q = 0);
            0.0
        }
    }
}

/// The factor that takes `v`'s values to integers within ±`max` and the scale back, or
/// `None` where `v` has no normal nonzero value (all of it then made 0).
#[inline(always)]
fn factor(v: &[f32], max: f32) -> Option<(f32, f32)> {
    // The largest on the bits of the magnitudes, which order as the magnitudes do, in eight
    // lanes: integer maxima the compiler vectorises (float ones it cannot, for their NaNs).
    let finite = |x: f32| {
        let bits = x.to_bits() & 0x7fff_ffff;
        if bits < 0x7f80_0000 { bits } else { 0 }
    };
    let mut lanes = [0u32; 8];
    let chunks = v.chunks_exact(8);
    let rest = chunks.remainder().iter().fold(0, |m, x| finite(*x).max(m));
    for chunk in chunks {
        for k in 0..8 {
            lanes[k] = lanes[k].max(finite(chunk[k]));
        }
    }
    let largest = f32::from_bits(lanes.iter().fold(rest, |m, l| m.max(*l)));
    largest.is_normal().then(|| (max / largest, largest / max))
}

/// `x × inv` rounded to the nearest integer (ties to even) within ±`max` (at most 2²²), a
/// value not finite saturating, NaN 0. By the float addition of 1.5 × 2²³, which rounds to
/// an integer in the default rounding mode and leaves it in the low bits: plain lane
/// arithmetic, where `round_ties_even() as i32` checks every value for NaN one at a time.
#[inline(always)]
pub(super) fn to_int(x: f32, inv: f32, max: f32) -> i32 {
    const ROUND: f32 = 12_582_912.0; // 1.5 × 2²³
    let y = x * inv;
    let y = if y.is_nan() { 0.0 } else { y.clamp(-max, max) };
    ((y + ROUND).to_bits() as i32).wrapping_sub(ROUND.to_bits() as i32)
}

/// Each word's vector in 8-bit integers with its own scale, packed for the kernel that
/// multiplies it, word `t`'s `k`-th group of four bytes at `packed[t × width + k]` (read as
/// a little-endian `i32`): two columns as 16-bit integers (the first in the low half, as
/// `vpmaddwd` pairs them with the weights), or four as bytes moved by [`OFFSET`] into
/// 1..=255 (the first in the lowest byte, as `vpdpbusd` pairs them; past the last column
/// 128, which meets a zero weight).
#[derive(Default)]
pub(super) struct QVectors {
    width: usize,
    packed: Vec<[u8; 4]>,
    scale: Vec<f32>,
}

impl QVectors {
    #[inline(always)]
    fn new(x: &[f32], cols: usize, n: usize, kernel: Kernel) -> QVectors {
        let mut vectors = QVectors::default();
        vectors.fill(x, cols, n, kernel);
        vectors
    }

    /// Makes these the `n` vectors of `x`, keeping the memory: every value is written, so
    /// only what the vectors grow by is cleared first.
    #[inline(always)]
    fn fill(&mut self, x: &[f32], cols: usize, n: usize, kernel: Kernel) {
        let per = if kernel.bytes() { 4 } else { 2 };
        let (max, width) = (input_max(cols), cols.div_ceil(per));
        self.width = width;
        self.packed.resize(n * width, [0u8; 4]);
        self.scale.resize(n, 0.0);
        for ((x, packed), scale) in x
            .chunks_exact(cols.max(1))
            .zip(self.packed.chunks_exact_mut(width.max(1)))
            .zip(&mut self.scale)
        {
            let found = factor(x, max);
            *scale = found.map_or(0.0, |(_, scale)| scale);
            let int = |x: f32| found.map_or(0, |(inv, _)| to_int(x, inv, max));
            if per == 4 {
                let bytes = packed.as_flattened_mut();
                let (used, past) = bytes.split_at_mut(cols);
                // Within 1..=255: `to_int` stays within ±127 for these inputs.
                used.iter_mut().zip(x).for_each(|(b, x)| *b = (int(*x) + OFFSET) as u8);
                past.iter_mut().for_each(|b| *b = OFFSET as u8);
            } else {
                let pairs = packed.as_flattened_mut().as_chunks_mut::<2>().0;
                let (used, past) = pairs.split_at_mut(cols);
                used.iter_mut().zip(x).for_each(|(p, x)| *p = (int(*x) as i16).to_le_bytes());
                past.iter_mut().for_each(|p| *p = [0, 0]);
            }
        }
    }
}

/// The instructions the products are made with: the same integers, so the same floats,
/// with each.
#[derive(Clone, Copy, Debug)]
pub(super) enum Kernel {
    /// Plain Rust.
    Plain,
    /// 16-bit multiply-adds (`vpmaddwd`, AVX2).
    Avx2(V3),
    /// 8-bit multiply-adds (`vpdpbusd`, AVX-512 VNNI on 256-bit registers).
    #[cfg(target_arch = "x86_64")]
    Vnni(vnni::Vnni),
}

impl Kernel {
    /// The fastest the processor has.
    pub(super) fn best() -> Kernel {
        #[cfg(target_arch = "x86_64")]
        if let Some(v) = vnni::Vnni::try_new() {
            return Kernel::Vnni(v);
        }
        V3::try_new().map_or(Kernel::Plain, Kernel::Avx2)
    }

    /// Every kernel the processor has, the plain one first (for tests).
    #[cfg(test)]
    pub(super) fn available() -> Vec<Kernel> {
        let mut all = vec![Kernel::Plain];
        all.extend(V3::try_new().map(Kernel::Avx2));
        #[cfg(target_arch = "x86_64")]
        all.extend(vnni::Vnni::try_new().map(Kernel::Vnni));
        all
    }

    /// Whether inputs are packed four bytes an `i32` (else two 16-bit integers).
    fn bytes(self) -> bool {
        match self {
            Kernel::Plain | Kernel::Avx2(_) => false,
            #[cfg(target_arch = "x86_64")]
            Kernel::Vnni(_) => true,
        }
    }
}

/// The model's product matrices in 8-bit integers, each under the span of the float
/// weights it was made from.
pub(super) struct Quantized {
    matrices: Vec<(usize, QMatrix)>,
    /// The instructions (the same integers with any).
    pub(super) kernel: Kernel,
}

impl Quantized {
    /// The integer form of the matrices at `spans` of the weights `w`.
    pub(super) fn new(w: &[f32], spans: &[Span]) -> Quantized {
        let matrices =
            spans.iter().map(|s| (s.at, QMatrix::new(sl(w, *s), s.rows, s.cols))).collect();
        Quantized { matrices, kernel: Kernel::best() }
    }

    fn matrix(&self, w: Span) -> &QMatrix {
        match self.matrices.iter().find(|(at, _)| *at == w.at) {
            Some((_, m)) if m.rows == w.rows && m.cols == w.cols => m,
            _ => unreachable!("every product's matrix is quantized when the parser is made"),
        }
    }

    /// `y = w x + b` for the `n` words of `x` in `y`, made integers in `inputs`, both
    /// buffers kept (see [`Reuse`]).
    #[inline(always)]
    fn affine_into(
        &self,
        kernel: Kernel,
        (w, b): (Span, Option<&[f32]>),
        x: &[f32],
        n: usize,
        Reuse { inputs, y }: &mut Reuse,
    ) {
        let m = self.matrix(w);
        inputs.fill(x, m.cols, n, kernel);
        // Every value is written by the products: growing clears, the rest is overwritten.
        y.resize(n * m.rows, 0.0);
        products(kernel, m, inputs, b, y);
    }

    /// The products of one input with every matrix of `maps`, the input made integers once.
    /// Inlined into [`Quantized::with_kernel`]'s work, so that all of it is compiled with
    /// AVX2 where the kernel has it.
    #[inline(always)]
    fn affine_each(
        &self,
        kernel: Kernel,
        maps: &[(Span, Option<&[f32]>)],
        x: &[f32],
        n: usize,
    ) -> Vec<Vec<f32>> {
        let Some(&(first, _)) = maps.first() else { return Vec::new() };
        let x = QVectors::new(x, first.cols, n, kernel);
        let mut out = Vec::with_capacity(maps.len());
        for &(w, b) in maps {
            let m = self.matrix(w);
            debug_assert_eq!(m.cols, first.cols, "one input for every matrix");
            let mut y = vec![0f32; n * m.rows];
            products(kernel, m, &x, b, &mut y);
            out.push(y);
        }
        out
    }

    /// Runs `work` with the kernel, compiled with AVX2 where the kernel has it, so that
    /// making the inputs integers and scaling the sums, inlined into `work`, are too (pulp's
    /// instructions are functions of their own elsewhere).
    #[inline(always)]
    fn with_kernel<R>(&self, work: impl FnOnce(Kernel) -> R) -> R {
        match self.kernel {
            Kernel::Avx2(simd) => simd.vectorize(
                #[inline(always)]
                || work(self.kernel),
            ),
            #[cfg(target_arch = "x86_64")]
            Kernel::Vnni(v) => v.avx2().vectorize(
                #[inline(always)]
                || work(self.kernel),
            ),
            Kernel::Plain => work(self.kernel),
        }
    }
}

/// `y = w x + b` with the kernel's instructions: the same integers with any.
#[inline(always)]
fn products(kernel: Kernel, m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    match kernel {
        Kernel::Plain => products_plain(m, x, b, y),
        Kernel::Avx2(simd) => products_avx2(simd, m, x, b, y),
        #[cfg(target_arch = "x86_64")]
        Kernel::Vnni(v) => vnni::products(v, m, x, b, y),
    }
}

impl Products for Quantized {
    fn affine_many(&self, maps: &[(Span, Option<&[f32]>)], x: &[f32], n: usize) -> Vec<Vec<f32>> {
        self.with_kernel(
            #[inline(always)]
            |kernel| self.affine_each(kernel, maps, x, n),
        )
    }

    fn affine_reusing<'r>(
        &self,
        map: (Span, Option<&[f32]>),
        x: &[f32],
        n: usize,
        reuse: &'r mut Reuse,
    ) -> &'r [f32] {
        self.with_kernel(
            #[inline(always)]
            |kernel| self.affine_into(kernel, map, x, n, reuse),
        );
        &reuse.y
    }
}

/// Writes eight rows' sums for word `t` (those past the last row dropped): each the exact
/// integer sum times the two scales, plus the bias.
#[inline(always)]
fn put(
    y: &mut [f32],
    m: &QMatrix,
    x: &QVectors,
    b: Option<&[f32]>,
    block: usize,
    t: usize,
    sums: [i32; ROWS],
) {
    // Plain loops, no closures: a closure's adaptor (`for_each`, `map`) is a function the
    // compiler may keep apart, compiled without AVX2 (see `block`).
    let (r0, xs) = (block * ROWS, x.scale[t]);
    let y = &mut y[t * m.rows..(t + 1) * m.rows];
    match (y.get_mut(r0..r0 + ROWS), m.scale.get(r0..r0 + ROWS)) {
        // A whole block (every block of the network's matrices): eight lanes at once.
        (Some(y), Some(scale)) => {
            for i in 0..ROWS {
                y[i] = sums[i] as f32 * (scale[i] * xs);
            }
            if let Some(b) = b {
                let b = &b[r0..r0 + ROWS];
                for i in 0..ROWS {
                    y[i] += b[i];
                }
            }
        }
        _ => {
            for i in 0..m.rows.saturating_sub(r0).min(ROWS) {
                let v = sums[i] as f32 * (m.scale[r0 + i] * xs);
                y[r0 + i] = match b {
                    Some(b) => v + b[r0 + i],
                    None => v,
                };
            }
        }
    }
}

/// The pairs of a word as two 16-bit integers.
#[inline(always)]
fn halves(p: i32) -> [i32; 2] {
    [i32::from(p as i16), i32::from((p >> 16) as i16)]
}

/// The products without vector instructions: the same integers, so the same floats.
fn products_plain(m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    for (t, word) in x.packed.chunks_exact(x.width.max(1)).enumerate().take(x.scale.len()) {
        for (block, regs) in m.pair_blocks.chunks_exact(m.pairs.max(1)).enumerate() {
            let mut sums = [0i32; ROWS];
            for (reg, &pair) in regs.iter().zip(word) {
                let [x0, x1] = halves(i32::from_le_bytes(pair));
                for (i, s) in sums.iter_mut().enumerate() {
                    *s += i32::from(reg[2 * i]) * x0 + i32::from(reg[2 * i + 1]) * x1;
                }
            }
            put(y, m, x, b, block, t, sums);
        }
    }
}

/// The sums of `R` blocks of eight rows for `W` words: each step one register of weights a
/// block (two columns of its eight rows) against each word's pair of inputs repeated across
/// a register. Sixteen rows by four words: eight sums in registers, and six loads (two of
/// weights, four of inputs) for eight multiply-adds.
///
/// Plain loops over arrays, no closures: pulp's instructions are inlined only into code
/// compiled with AVX2, and a closure's adaptor (`array::from_fn`, `for_each`, `map`) is a
/// function of its own that the compiler may keep apart, compiled without it; each
/// instruction was then a call (session 42, on a processor without VNNI: three times the
/// cost of the whole network).
#[inline(always)]
fn block<const R: usize, const W: usize>(
    simd: V3,
    regs: [&[[i16; 2 * ROWS]]; R],
    words: [&[[u8; 4]]; W],
) -> [[[i32; ROWS]; W]; R] {
    let zero = simd.splat_i32x8(0);
    let mut acc = [[zero; W]; R];
    let mut steps = usize::MAX;
    for r in &regs {
        steps = steps.min(r.len());
    }
    for w in &words {
        steps = steps.min(w.len());
    }
    let mut xs: [i16x16; W] = [pulp::cast(zero); W];
    for k in 0..steps {
        for j in 0..W {
            xs[j] = pulp::cast(simd.splat_i32x8(i32::from_le_bytes(words[j][k])));
        }
        for i in 0..R {
            let w: i16x16 = pulp::cast(regs[i][k]);
            for j in 0..W {
                let products = simd.multiply_wrapping_add_adjacent_i16x16(w, xs[j]);
                acc[i][j] = simd.wrapping_add_i32x8(acc[i][j], products);
            }
        }
    }
    let mut sums = [[[0i32; ROWS]; W]; R];
    for i in 0..R {
        for j in 0..W {
            sums[i][j] = pulp::cast(acc[i][j]);
        }
    }
    sums
}

/// The products with AVX2: two blocks of eight rows against four words at a time, the
/// blocks' weights kept in the nearest cache while the words pass.
#[inline(always)]
fn products_avx2(simd: V3, m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    let (n, blocks) = (x.scale.len(), m.rows.div_ceil(ROWS));
    let mut at = 0;
    while at < blocks {
        let mut t = 0;
        if at + 2 <= blocks {
            while t + 4 <= n {
                tile::<2, 4>(simd, m, x, b, y, at, t);
                t += 4;
            }
            while t < n {
                tile::<2, 1>(simd, m, x, b, y, at, t);
                t += 1;
            }
            at += 2;
        } else {
            while t + 4 <= n {
                tile::<1, 4>(simd, m, x, b, y, at, t);
                t += 4;
            }
            while t < n {
                tile::<1, 1>(simd, m, x, b, y, at, t);
                t += 1;
            }
            at += 1;
        }
    }
}

/// The products of `R` blocks of rows from block `at` and `W` words from word `t`.
#[inline(always)]
fn tile<const R: usize, const W: usize>(
    simd: V3,
    m: &QMatrix,
    x: &QVectors,
    b: Option<&[f32]>,
    y: &mut [f32],
    at: usize,
    t: usize,
) {
    let mut regs: [&[[i16; 2 * ROWS]]; R] = [&[]; R];
    for (i, regs) in regs.iter_mut().enumerate() {
        *regs = &m.pair_blocks[(at + i) * m.pairs..(at + i + 1) * m.pairs];
    }
    let mut words: [&[[u8; 4]]; W] = [&[]; W];
    for (j, word) in words.iter_mut().enumerate() {
        *word = &x.packed[(t + j) * x.width..(t + j + 1) * x.width];
    }
    let sums = block::<R, W>(simd, regs, words);
    for (i, row) in sums.iter().enumerate() {
        for (j, word) in row.iter().enumerate() {
            put(y, m, x, b, at + i, t + j, *word);
        }
    }
}

/// The 8-bit kernel: `vpdpbusd` on 256-bit registers (AVX-512 VNNI and VL), called from
/// `std::arch` (see the module's doc for why).
#[cfg(target_arch = "x86_64")]
pub(super) mod vnni;
