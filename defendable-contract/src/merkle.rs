//! RFC 6962 / RFC 9162 Merkle trees over SHA-256: leaf and node hashing, tree heads,
//! inclusion proofs and consistency proofs, with the verification algorithms of
//! RFC 9162 sections 2.1.3.2 and 2.1.4.2. Pure: no I/O.
//!
//! Leaves are handled already hashed (`leaf_hash` of the entry bytes), so a log can
//! keep only the 32-byte leaf hashes. For the receipt chain the entry bytes of a leaf
//! are the 32 raw bytes of a receipt's SHA-256 (see [`receipt_leaf`]).
//!
//! Proof generation walks the leaves (linear in the tree size); verification is
//! logarithmic and needs only the proof.

use sha2::{Digest, Sha256};

/// A SHA-256 digest: a leaf hash, an interior node hash or a tree head.
pub type Hash = [u8; 32];

/// Why a tree operation or a proof verification failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MerkleError {
    /// The leaf index is not inside the tree.
    #[error("leaf index {index} is out of range for a tree of size {tree_size}")]
    IndexOutOfRange { index: u64, tree_size: u64 },
    /// A consistency proof was asked for, or checked, from a larger tree to a smaller one.
    #[error("old tree size {old_size} is larger than new tree size {new_size}")]
    OldSizeTooLarge { old_size: u64, new_size: u64 },
    /// The proof does not have the number of hashes the sizes (and index) call for.
    #[error("proof has {actual} hashes but {expected} are expected")]
    WrongProofLength { expected: usize, actual: usize },
    /// The root recomputed from an inclusion proof is not the expected root.
    #[error("inclusion proof does not lead to the expected root")]
    RootMismatch,
    /// The old root recomputed from a consistency proof is not the expected old root.
    #[error("consistency proof does not lead to the expected old root")]
    OldRootMismatch,
    /// The new root recomputed from a consistency proof is not the expected new root.
    #[error("consistency proof does not lead to the expected new root")]
    NewRootMismatch,
    /// Two trees of the same size must have the same root.
    #[error("trees of the same size {size} have different roots")]
    RootsDiffer { size: u64 },
    /// The empty tree's root must be SHA-256 of the empty string.
    #[error("the root given for the empty tree is not the empty tree hash")]
    EmptyRootMismatch,
    /// A receipt hash is not 64 lowercase hex characters.
    #[error("receipt hash {0:?} is not 64 lowercase hex characters")]
    InvalidReceiptHash(String),
}

/// Leaf hash: SHA-256(0x00 || data).
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0x00]);
    h.update(data);
    h.finalize().into()
}

/// Interior node hash: SHA-256(0x01 || left || right).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0x01]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the empty tree: SHA-256 of the empty string.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The leaf hash of a receipt: `leaf_hash` of the 32 bytes its lowercase hex SHA-256 spells.
pub fn receipt_leaf(receipt_sha256_hex: &str) -> Result<Hash, MerkleError> {
    let invalid = || MerkleError::InvalidReceiptHash(receipt_sha256_hex.to_string());
    if !crate::receipt::is_sha256_hex(receipt_sha256_hex) {
        return Err(invalid());
    }
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(receipt_sha256_hex, &mut bytes).map_err(|_| invalid())?;
    Ok(leaf_hash(&bytes))
}

/// The largest power of two strictly smaller than `n` (`n` must be at least 2).
fn split_point(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (63 - (n - 1).leading_zeros())
}

/// A slice length as u64 (lossless on every supported target).
fn len64(leaves: &[Hash]) -> u64 {
    leaves.len() as u64
}

/// `MTH(D[n])` over already-hashed leaves (RFC 9162 2.1.1); the empty tree's root for no leaves.
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = split_point(n as u64) as usize;
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// The inclusion proof (audit path) of leaf `index` in the tree made of `leaves`
/// (RFC 9162 2.1.3.1 PATH), ordered from the leaf's sibling up to the root's child.
pub fn inclusion_proof(leaves: &[Hash], index: u64) -> Result<Vec<Hash>, MerkleError> {
    let tree_size = len64(leaves);
    if index >= tree_size {
        return Err(MerkleError::IndexOutOfRange { index, tree_size });
    }
    let mut proof = Vec::with_capacity(inclusion_proof_len(index, tree_size));
    path(index as usize, leaves, &mut proof);
    Ok(proof)
}

fn path(m: usize, leaves: &[Hash], out: &mut Vec<Hash>) {
    let n = leaves.len();
    if n <= 1 {
        return;
    }
    let k = split_point(n as u64) as usize;
    if m < k {
        path(m, &leaves[..k], out);
        out.push(root(&leaves[k..]));
    } else {
        path(m - k, &leaves[k..], out);
        out.push(root(&leaves[..k]));
    }
}

/// How many hashes the inclusion proof of `index` in a tree of `tree_size` has
/// (`index < tree_size`).
fn inclusion_proof_len(index: u64, tree_size: u64) -> usize {
    let (mut m, mut n, mut len) = (index, tree_size, 0);
    while n > 1 {
        let k = split_point(n);
        if m < k {
            n = k;
        } else {
            m -= k;
            n -= k;
        }
        len += 1;
    }
    len
}

/// Verifies that `leaf` (a leaf hash) is at `index` in the tree of `tree_size` whose
/// root is `root`, by the algorithm of RFC 9162 2.1.3.2.
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    tree_size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), MerkleError> {
    if index >= tree_size {
        return Err(MerkleError::IndexOutOfRange { index, tree_size });
    }
    let expected = inclusion_proof_len(index, tree_size);
    if proof.len() != expected {
        return Err(MerkleError::WrongProofLength {
            expected,
            actual: proof.len(),
        });
    }
    let (mut fn_, mut sn) = (index, tree_size - 1);
    let mut r = *leaf;
    for p in proof {
        if sn == 0 {
            return Err(MerkleError::WrongProofLength {
                expected,
                actual: proof.len(),
            });
        }
        if fn_ & 1 == 1 || fn_ == sn {
            r = node_hash(p, &r);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn == 0 && &r == root {
        Ok(())
    } else {
        Err(MerkleError::RootMismatch)
    }
}

/// The consistency proof from the tree of the first `old_size` leaves to the tree of
/// all `leaves` (RFC 9162 2.1.4.1 PROOF/SUBPROOF). Empty when `old_size` is 0 or equals
/// the tree size: those trees are consistent with no proof.
pub fn consistency_proof(leaves: &[Hash], old_size: u64) -> Result<Vec<Hash>, MerkleError> {
    let new_size = len64(leaves);
    if old_size > new_size {
        return Err(MerkleError::OldSizeTooLarge { old_size, new_size });
    }
    let mut proof = Vec::new();
    if old_size > 0 && old_size < new_size {
        subproof(old_size as usize, leaves, true, &mut proof);
    }
    Ok(proof)
}

fn subproof(m: usize, leaves: &[Hash], whole_old_tree: bool, out: &mut Vec<Hash>) {
    let n = leaves.len();
    if m == n {
        if !whole_old_tree {
            out.push(root(leaves));
        }
        return;
    }
    let k = split_point(n as u64) as usize;
    if m <= k {
        subproof(m, &leaves[..k], whole_old_tree, out);
        out.push(root(&leaves[k..]));
    } else {
        subproof(m - k, &leaves[k..], false, out);
        out.push(root(&leaves[..k]));
    }
}

/// How many hashes the consistency proof between the sizes has (`old_size <= new_size`).
fn consistency_proof_len(old_size: u64, new_size: u64) -> usize {
    if old_size == 0 || old_size == new_size {
        return 0;
    }
    let (mut m, mut n, mut whole, mut len) = (old_size, new_size, true, 0);
    while m != n {
        let k = split_point(n);
        if m <= k {
            n = k;
        } else {
            m -= k;
            n -= k;
            whole = false;
        }
        len += 1;
    }
    if whole {
        len
    } else {
        len + 1
    }
}

/// Verifies that the tree of `old_size` with root `old_root` is a prefix of the tree of
/// `new_size` with root `new_root`, by the algorithm of RFC 9162 2.1.4.2.
///
/// Equal sizes need an empty proof and equal roots. The empty tree is a prefix of
/// every tree: `old_size` 0 needs an empty proof and `old_root` equal to
/// [`empty_root`] (and so must `new_root` when `new_size` is also 0).
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), MerkleError> {
    if old_size > new_size {
        return Err(MerkleError::OldSizeTooLarge { old_size, new_size });
    }
    let expected = consistency_proof_len(old_size, new_size);
    if proof.len() != expected {
        return Err(MerkleError::WrongProofLength {
            expected,
            actual: proof.len(),
        });
    }
    if old_size == 0 {
        if *old_root != empty_root() || (new_size == 0 && *new_root != empty_root()) {
            return Err(MerkleError::EmptyRootMismatch);
        }
        return Ok(());
    }
    if old_size == new_size {
        return if old_root == new_root {
            Ok(())
        } else {
            Err(MerkleError::RootsDiffer { size: old_size })
        };
    }

    // Step 2: when the old tree is a complete subtree its root starts the path.
    let seeded;
    let path: &[Hash] = if old_size.is_power_of_two() {
        seeded = std::iter::once(*old_root)
            .chain(proof.iter().copied())
            .collect::<Vec<_>>();
        &seeded
    } else {
        proof
    };
    let (mut fn_, mut sn) = (old_size - 1, new_size - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let mut fr = path[0];
    let mut sr = path[0];
    for c in &path[1..] {
        if sn == 0 {
            return Err(MerkleError::WrongProofLength {
                expected,
                actual: proof.len(),
            });
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn != 0 {
        return Err(MerkleError::WrongProofLength {
            expected,
            actual: proof.len(),
        });
    }
    if fr != *old_root {
        return Err(MerkleError::OldRootMismatch);
    }
    if sr != *new_root {
        return Err(MerkleError::NewRootMismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: u64) -> Vec<Hash> {
        (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
    }

    #[test]
    fn split_point_is_largest_power_of_two_below() {
        for n in 2u64..2000 {
            let k = split_point(n);
            assert!(k.is_power_of_two() && k < n && 2 * k >= n, "{n} -> {k}");
        }
        assert_eq!(split_point(u64::MAX), 1 << 63);
        assert_eq!(split_point((1 << 63) + 1), 1 << 63);
        assert_eq!(split_point(1 << 63), 1 << 62);
    }

    #[test]
    fn proof_length_formulas_match_generated_proofs() {
        for n in 1..=70u64 {
            let l = leaves(n);
            for i in 0..n {
                assert_eq!(
                    inclusion_proof(&l, i).unwrap().len(),
                    inclusion_proof_len(i, n)
                );
            }
            for m in 0..=n {
                assert_eq!(
                    consistency_proof(&l, m).unwrap().len(),
                    consistency_proof_len(m, n),
                    "{m} -> {n}"
                );
            }
        }
    }

    #[test]
    fn length_formulas_work_for_huge_trees() {
        assert_eq!(inclusion_proof_len(0, u64::MAX), 64);
        assert_eq!(inclusion_proof_len(u64::MAX - 1, u64::MAX), 63);
        assert_eq!(inclusion_proof_len(0, 1 << 63), 63);
        assert_eq!(consistency_proof_len(1, u64::MAX), 64);
        assert_eq!(consistency_proof_len(1 << 62, 1 << 63), 1);
    }

    #[test]
    fn root_of_small_trees() {
        assert_eq!(root(&[]), empty_root());
        let l = leaves(3);
        assert_eq!(root(&l[..1]), l[0]);
        assert_eq!(root(&l[..2]), node_hash(&l[0], &l[1]));
        assert_eq!(root(&l), node_hash(&node_hash(&l[0], &l[1]), &l[2]));
    }

    #[test]
    fn receipt_leaf_hashes_the_raw_digest_bytes() {
        let hex_hash = "ab".repeat(32);
        assert_eq!(receipt_leaf(&hex_hash).unwrap(), leaf_hash(&[0xab; 32]));
        for bad in [
            "",
            "AB",
            &"AB".repeat(32),
            &"ab".repeat(31),
            &"zz".repeat(32),
        ] {
            assert_eq!(
                receipt_leaf(bad),
                Err(MerkleError::InvalidReceiptHash(bad.to_string()))
            );
        }
    }
}
