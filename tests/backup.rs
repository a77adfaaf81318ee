//! `souq backup` through the binary: a consistent copy while writers keep writing, written under
//! a temporary name and renamed, nothing left behind on a full disk, never over a file without
//! --force. On PostgreSQL it refuses and names pg_dump.

mod common;
use common::Market;

/// `backup` copies the SQLite file through SQLite's backup API; on PostgreSQL there is no file.
mod sqlite_only {
    use super::common::{self, Market};

    /// The names in `dir`, sorted.
    fn names(dir: &std::path::Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_backup_under_four_steady_writers_finishes_and_is_consistent() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let market = Market::funded();
        let stop = AtomicBool::new(false);
        let (took, written) = std::thread::scope(|scope| {
            let writers: Vec<_> = (0..4)
                .map(|w| {
                    let (market, stop) = (&market, &stop);
                    scope.spawn(move || {
                        let mut n = 0;
                        while !stop.load(Ordering::Relaxed) {
                            let reference = format!("w{w}-{n}");
                            let status = market
                                .std_cmd()
                                .env("SOUQ_BUSY_TIMEOUT_MS", "30000")
                                .args(["wallet", "deposit", "noura", "1", "--method", "card", "--ref", &reference])
                                .args(["--as", "admin"])
                                .output()
                                .unwrap()
                                .status;
                            assert!(status.success(), "writer {w} failed");
                            n += 1;
                        }
                        n
                    })
                })
                .collect();
            let started = std::time::Instant::now();
            for i in 0..3 {
                market.ok(&["backup", &format!("copy-{i}.db")]);
            }
            let took = started.elapsed();
            stop.store(true, Ordering::Relaxed);
            (took, writers.into_iter().map(|w| w.join().unwrap()).sum::<i32>())
        });
        assert!(written > 0, "the writers wrote nothing while the backups ran");
        assert!(took < std::time::Duration::from_secs(60), "three backups took {took:?}");
        for i in 0..3 {
            let copy = market.path(&format!("copy-{i}.db"));
            let audit = market.cmd().args(["audit", "--db", copy.to_str().unwrap(), "-o", "json"]).output().unwrap();
            assert!(audit.status.success(), "copy {i}: {}", String::from_utf8_lossy(&audit.stdout));
        }
        assert!(names(market.dir.path()).iter().all(|n| !n.contains("souq-backup")), "{:?}", names(market.dir.path()));
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force_and_never_through_a_symlink() {
        let market = Market::with_gig();
        std::fs::write(market.path("old.db"), b"keep me").unwrap();
        let stderr = market.fails(4, &["backup", "old.db"]);
        assert!(stderr.contains("--force"), "{stderr}");
        assert_eq!(std::fs::read(market.path("old.db")).unwrap(), b"keep me");
        std::fs::write(market.path("target"), b"not yours").unwrap();
        std::os::unix::fs::symlink(market.path("target"), market.path("link.db")).unwrap();
        market.fails(4, &["backup", "link.db"]);
        market.ok(&["backup", "link.db", "--force"]);
        assert_eq!(std::fs::read(market.path("target")).unwrap(), b"not yours", "the link is replaced, not followed");
        assert_eq!(common::dump(market.path("link.db")), market.snapshot());
        market.ok(&["backup", "old.db", "--force"]);
        assert_eq!(common::dump(market.path("old.db")), market.snapshot());
        let before = market.snapshot();
        std::fs::hard_link(market.sqlite_file(), market.path("alias.db")).unwrap();
        for own in ["souq.db", "./souq.db", "souq.db-wal", "souq.db-shm", "alias.db"] {
            market.fails(6, &["backup", own, "--force"]);
        }
        assert_eq!(market.snapshot(), before);
    }

    /// A full disk, made with a 1 MiB tmpfs mostly taken by a filler file (needs root to mount).
    #[test]
    fn a_backup_to_a_full_disk_leaves_nothing_behind_and_a_retry_works() {
        let market = Market::with_gig();
        let disk = market.path("small-disk");
        std::fs::create_dir(&disk).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1M", "tmpfs", disk.to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!(
                "SKIPPED a_backup_to_a_full_disk_leaves_nothing_behind_and_a_retry_works: mounting a tmpfs needs root"
            );
            return;
        }
        let unmount = || {
            let _ = std::process::Command::new("umount").arg(&disk).status();
        };
        let result = std::panic::catch_unwind(|| {
            let size = std::fs::metadata(market.sqlite_file()).unwrap().len() as usize;
            let filler = disk.join("filler");
            std::fs::write(&filler, vec![0u8; 1024 * 1024 - size / 2]).unwrap_or_default();
            let target = disk.join("bk.db");
            let stderr = market.fails(1, &["backup", target.to_str().unwrap()]);
            assert!(stderr.contains("full") || stderr.contains("space"), "{stderr}");
            assert_eq!(names(&disk), ["filler"], "nothing left behind");
            std::fs::remove_file(&filler).unwrap();
            market.ok(&["backup", target.to_str().unwrap()]);
            assert_eq!(common::dump(&target), market.snapshot());
        });
        unmount();
        if let Err(panic) = result {
            std::panic::resume_unwind(panic);
        }
    }
}

#[test]
fn backup_on_postgresql_refuses_and_names_pg_dump() {
    let market = Market::with_gig();
    if market.engine() == souq::db::Engine::Sqlite {
        eprintln!("SKIPPED backup_on_postgresql_refuses_and_names_pg_dump: this run is on SQLite");
        return;
    }
    let before = market.snapshot();
    let stderr = market.fails(2, &["backup", "copy.db"]);
    assert!(stderr.contains("pg_dump"), "{stderr}");
    assert!(!market.path("copy.db").exists());
    assert_eq!(market.snapshot(), before);
}
