//! The reader pool: readers made on demand up to the limit, reused, and waited for past it.

use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use pipeline::Workbench;
use store::Store;

use super::Pool;

fn writer() -> (tempfile::TempDir, Mutex<Workbench>) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let bench = Workbench::new(Store::open(&db).unwrap(), vec![]).with_path(&db);
    (dir, Mutex::new(bench))
}

#[test]
fn readers_are_made_up_to_the_limit_then_reused_and_waited_for() {
    let (_dir, writer) = writer();
    let pool = Arc::new(Pool::new(2));
    let a = pool.take(&writer).expect("a first reader");
    let b = pool.take(&writer).expect("a second reader");
    assert_eq!(pool.idle.lock().unwrap().open, 2);
    // A third request waits until one is given back.
    let writer = Arc::new(writer);
    let (sent, got) = mpsc::channel();
    let waiting = {
        let (pool, writer) = (pool.clone(), writer.clone());
        std::thread::spawn(move || {
            let lease = pool.take(&writer);
            sent.send(lease.is_some()).unwrap();
        })
    };
    assert!(got.recv_timeout(Duration::from_millis(200)).is_err(), "it waits");
    drop(a);
    assert_eq!(got.recv_timeout(Duration::from_secs(10)), Ok(true), "and gets the one given back");
    waiting.join().unwrap();
    drop(b);
    let idle = pool.idle.lock().unwrap();
    assert_eq!((idle.open, idle.benches.len()), (2, 2), "no more made than the limit");
}

#[test]
fn a_pool_of_none_leaves_the_writer_to_serve() {
    let (_dir, writer) = writer();
    assert!(Pool::new(0).take(&writer).is_none());
    // Nor is a reader made for a workbench without its store's file.
    let memory = Mutex::new(Workbench::new(Store::open_in_memory().unwrap(), vec![]));
    let pool = Pool::new(2);
    assert!(pool.take(&memory).is_none());
    assert_eq!(pool.idle.lock().unwrap().open, 0, "the failed reader is not counted");
}
