//! The 8-bit kernel: `vpdpbusd` on 256-bit registers (AVX-512 VNNI and VL), called from
//! `std::arch` (see the parent module's doc, `quant`, for why).

use super::{OFFSET, QMatrix, QVectors, ROWS, V3, put};
use std::arch::x86_64::{
    __m256i, _mm256_dpbusd_epi32, _mm256_set1_epi32, _mm256_setzero_si256, _mm256_sub_epi32,
};

/// Proof that the processor has the instructions, and AVX2 for the work around them
/// (found once, not at every product): made only by [`Vnni::try_new`].
#[derive(Clone, Copy, Debug)]
pub(in super::super) struct Vnni(V3);

impl Vnni {
    /// The proof, where the processor has AVX-512 VNNI with its 256-bit forms.
    pub(in super::super) fn try_new() -> Option<Vnni> {
        let has = is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512vl")
            && is_x86_feature_detected!("avx512vnni");
        V3::try_new().filter(|_| has).map(Vnni)
    }

    /// AVX2, which every processor with these instructions has.
    pub(super) fn avx2(self) -> V3 {
        self.0
    }
}

/// `y[t][r] = w_r · x_t + b[r]` with the 8-bit multiply-add.
#[allow(unsafe_code)] // The project's one exception (the module's doc says why).
pub(super) fn products(_: Vnni, m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    // SAFETY: `products_with` only needs the features its attribute names, and a `Vnni`
    // exists only where `try_new` saw the processor has them.
    unsafe { products_with(m, x, b, y) }
}

/// As [`super::products_avx2`], but four blocks of eight rows against four words at a
/// time: sixteen sums in registers (AVX-512 has 32). Measured on EWT dev: two blocks
/// 54,000 words a second against 64,000; four blocks by six words spilled registers
/// (55,000).
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512vnni")]
fn products_with(m: &QMatrix, x: &QVectors, b: Option<&[f32]>, y: &mut [f32]) {
    let blocks = m.rows.div_ceil(ROWS);
    let mut at = 0;
    while at < blocks {
        if at + 4 <= blocks {
            every_word::<4>(m, x, b, y, at);
            at += 4;
        } else {
            every_word::<1>(m, x, b, y, at);
            at += 1;
        }
    }
}

/// The products of `R` blocks of rows from block `at` with every word, four at a time.
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512vnni")]
#[inline]
fn every_word<const R: usize>(
    m: &QMatrix,
    x: &QVectors,
    b: Option<&[f32]>,
    y: &mut [f32],
    at: usize,
) {
    let (n, mut t) = (x.scale.len(), 0);
    while t + 4 <= n {
        tile::<R, 4>(m, x, b, y, at, t);
        t += 4;
    }
    while t < n {
        tile::<R, 1>(m, x, b, y, at, t);
        t += 1;
    }
}

/// The products of `R` blocks of rows from block `at` and `W` words from word `t`.
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512vnni")]
#[inline]
fn tile<const R: usize, const W: usize>(
    m: &QMatrix,
    x: &QVectors,
    b: Option<&[f32]>,
    y: &mut [f32],
    at: usize,
    t: usize,
) {
    let regs: [&[[i8; 4 * ROWS]]; R] =
        std::array::from_fn(|i| &m.quad_blocks[(at + i) * m.quads..(at + i + 1) * m.quads]);
    let words: [&[[u8; 4]]; W] =
        std::array::from_fn(|j| &x.packed[(t + j) * x.width..(t + j + 1) * x.width]);
    let steps = regs.iter().map(|r| r.len()).chain(words.iter().map(|w| w.len())).min();
    let mut acc = [[_mm256_setzero_si256(); W]; R];
    for k in 0..steps.unwrap_or(0) {
        let xs: [__m256i; W] =
            std::array::from_fn(|j| _mm256_set1_epi32(i32::from_le_bytes(words[j][k])));
        for (acc, regs) in acc.iter_mut().zip(&regs) {
            let w: __m256i = pulp::cast(regs[k]);
            for (acc, x) in acc.iter_mut().zip(&xs) {
                *acc = _mm256_dpbusd_epi32(*acc, *x, w);
            }
        }
    }
    for (i, acc) in acc.iter().enumerate() {
        // The moved inputs' share taken off: the sums of `w · x`, exact (each within an
        // `i32`, so the wrapping arithmetic lands on it).
        let off: __m256i = pulp::cast(m.offset_sum[at + i]);
        for (j, acc) in acc.iter().enumerate() {
            put(y, m, x, b, at + i, t + j, pulp::cast(_mm256_sub_epi32(*acc, off)));
        }
    }
}

const _: () = assert!(OFFSET == 128, "the kernel's inputs are bytes moved by 128");
