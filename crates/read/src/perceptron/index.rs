//! Which buckets of a hashed weight table have a row, and which row: one bit a bucket.

/// The row number of each bucket of a hashed weight table, for tables where most buckets
/// have no weight (a tenth of the parser's two million do, an eighth of the tagger's
/// million): for each octet of buckets, a bit a bucket says whether it has a row, and the
/// count of rows before the octet plus the bits below the bucket in it say which. The
/// default has no buckets.
///
/// Every feature of every word is looked up here, at a bucket its hash picks anywhere in the
/// table. An index of a `u32` a bucket (4 to 8 MB) or a dense table (32 MB for the parser's
/// actions) makes nearly every lookup a trip to memory, and to the page tables too; this one
/// is four bits a bucket (512 KB to 1 MB), so that a lookup mostly waits for the row alone.
/// One `u32` an octet, count and bits together, is one load a lookup; a count for each group
/// of 256 buckets apart, to make the index half the size, cost a second load and six more
/// instructions a lookup for no measurable gain. The bits below a bucket in its octet are
/// counted by a table of 256 counts: the processor's own count instruction is not in the
/// baseline `x86_64` the crate is built for, and counting a word's bits without it takes a
/// dozen instructions a feature.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RowIndex {
    /// For each eight buckets: which have a row (the low byte), and how many rows the
    /// buckets before them have (the high 24 bits).
    octets: Vec<u32>,
    buckets: usize,
}

/// The number of bits set in each byte.
const ONES: [u8; 256] = {
    let mut ones = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        ones[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    ones
};

impl RowIndex {
    /// The index of a table of `buckets` buckets where those in `with_rows` (in increasing
    /// order, each once) have rows 1, 2, 3, …; `None` when one is out of order or past the
    /// table, or there are more than `u32::MAX` of them.
    pub(crate) fn of_buckets(
        buckets: usize,
        with_rows: impl IntoIterator<Item = usize>,
    ) -> Option<RowIndex> {
        let mut octets = vec![0u32; buckets.div_ceil(8)];
        let mut last = None;
        for b in with_rows {
            if b >= buckets || last.is_some_and(|l| b <= l) {
                return None;
            }
            last = Some(b);
            octets[b / 8] |= 1 << (b % 8);
        }
        let mut rows = 0u32;
        for octet in &mut octets {
            if rows >= 1 << 24 {
                return None;
            }
            *octet |= rows << 8;
            rows += (*octet & 0xff).count_ones();
        }
        Some(RowIndex { octets, buckets })
    }

    /// Bucket `b`'s row number (from 1), or 0 when it has none or lies past the table.
    ///
    /// Without branches: which buckets have rows is as random as the hash, so a branch on it
    /// would be mispredicted every other feature.
    #[inline]
    pub(crate) fn row(&self, b: usize) -> usize {
        let Some(&octet) = self.octets.get(b / 8) else {
            return 0;
        };
        let k = b % 8;
        let below = ONES[(octet & ((1 << k) - 1) & 0xff) as usize];
        let has = ((octet >> k) & 1) as usize;
        has * ((octet >> 8) as usize + usize::from(below) + 1)
    }

    /// How many buckets the table has.
    pub(crate) fn buckets(&self) -> usize {
        self.buckets
    }

    /// The buckets that have a row, in increasing order: those of rows 1, 2, 3, ….
    pub(crate) fn buckets_with_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.octets.iter().enumerate().flat_map(|(k, octet)| {
            (0..8).filter(move |i| octet & (1 << i) != 0).map(move |i| k * 8 + i)
        })
    }
}
