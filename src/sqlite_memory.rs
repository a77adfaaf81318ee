//! SQLite's process-wide settings, made once before its first connection: its memory comes from
//! Rust's global allocator, and it keeps no memory statistics.
//!
//! SQLite otherwise mallocs from the C library while the `souq` binary's Rust code uses mimalloc:
//! two heaps whose fresh pages each fault in at every start (an eighth of a `gig show`'s page
//! faults were glibc's malloc growing its heap), and memory statistics took a global mutex around
//! every allocation (7% of a `gig show`'s instructions). A test or program that opened SQLite
//! before this ran keeps SQLite's defaults: SQLite refuses settings once initialised, harmlessly.

use std::alloc::{alloc, dealloc, realloc, Layout};
use std::ffi::{c_int, c_void};

use rusqlite::ffi;

/// Every block starts with its size (what SQLite asked for), in a header that keeps the block
/// 8-byte aligned as SQLite requires.
const HEADER: usize = 8;

/// Applies the settings once; later calls do nothing.
pub fn configure() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let methods = ffi::sqlite3_mem_methods {
            xMalloc: Some(malloc),
            xFree: Some(free),
            xRealloc: Some(resize),
            xSize: Some(size),
            xRoundup: Some(roundup),
            xInit: Some(init),
            xShutdown: Some(shutdown),
            pAppData: std::ptr::null_mut(),
        };
        let off: c_int = 0;
        // SAFETY: both settings are made before sqlite3_initialize (or refused with SQLITE_MISUSE
        // after it, changing nothing); SQLite copies the methods struct, whose functions keep
        // the contract below.
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MALLOC, &methods as *const ffi::sqlite3_mem_methods);
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, off);
        }
    });
}

fn layout(bytes: usize) -> Option<Layout> {
    Layout::from_size_align(bytes.checked_add(HEADER)?, HEADER).ok()
}

/// A block of `bytes` (> 0) whose header holds its size; null when out of memory.
unsafe extern "C" fn malloc(bytes: c_int) -> *mut c_void {
    let Some(layout) = usize::try_from(bytes).ok().filter(|b| *b > 0).and_then(layout) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the layout is non-zero in size; the header is written inside the new block.
    unsafe {
        let base = alloc(layout);
        if base.is_null() {
            return std::ptr::null_mut();
        }
        base.cast::<usize>().write(layout.size() - HEADER);
        base.add(HEADER).cast()
    }
}

/// The block's start and its layout, from a pointer `malloc` or `resize` returned.
unsafe fn block(p: *mut c_void) -> (*mut u8, Layout) {
    // SAFETY (caller): p came from malloc/resize, so a header with the size precedes it.
    unsafe {
        let base = p.cast::<u8>().sub(HEADER);
        let bytes = base.cast::<usize>().read();
        (base, Layout::from_size_align_unchecked(bytes + HEADER, HEADER))
    }
}

unsafe extern "C" fn free(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    // SAFETY: SQLite frees only what its xMalloc / xRealloc returned, once.
    unsafe {
        let (base, layout) = block(p);
        dealloc(base, layout);
    }
}

/// SQLite calls it with a block it allocated and a new size > 0; null (the block kept) on failure.
unsafe extern "C" fn resize(p: *mut c_void, bytes: c_int) -> *mut c_void {
    let Some(new) = usize::try_from(bytes).ok().filter(|b| *b > 0).and_then(layout) else {
        return std::ptr::null_mut();
    };
    // SAFETY: p is a live block of ours; realloc keeps its contents up to the smaller size.
    unsafe {
        let (base, old) = block(p);
        let moved = realloc(base, old, new.size());
        if moved.is_null() {
            return std::ptr::null_mut();
        }
        moved.cast::<usize>().write(new.size() - HEADER);
        moved.add(HEADER).cast()
    }
}

unsafe extern "C" fn size(p: *mut c_void) -> c_int {
    if p.is_null() {
        return 0;
    }
    // SAFETY: SQLite asks the size of live blocks of ours only.
    let bytes = unsafe { block(p).1.size() - HEADER };
    c_int::try_from(bytes).unwrap_or(c_int::MAX)
}

/// The size a request is served with: whole 8-byte words.
unsafe extern "C" fn roundup(bytes: c_int) -> c_int {
    bytes.saturating_add(7) & !7
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_their_size_and_contents_through_a_resize() {
        // SAFETY: the functions are called as SQLite calls them.
        unsafe {
            let p = malloc(5).cast::<u8>();
            assert_eq!(size(p.cast()), 5);
            assert_eq!(p as usize % 8, 0);
            p.copy_from(b"souq!".as_ptr(), 5);
            let q = resize(p.cast(), 4000).cast::<u8>();
            assert_eq!(size(q.cast()), 4000);
            assert_eq!(std::slice::from_raw_parts(q, 5), b"souq!");
            free(q.cast());
            assert!(malloc(0).is_null());
            assert_eq!(roundup(9), 16);
        }
    }
}
