#ifndef SITEGEN_FILE_SWAP_H
#define SITEGEN_FILE_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): after a successful call,
/// `a` holds what `b` held and `b` what `a` held, with no moment at which either is missing.
/// Returns 0 on success, or an errno value (ENOSYS/EINVAL where the file system cannot exchange).
int sitegen_exchange_paths(const char *a, const char *b);

#endif
