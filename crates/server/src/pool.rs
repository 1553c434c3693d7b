//! A fixed pool of read-only store connections. Queries run on tokio's blocking threads (SQLite
//! calls block); one that outlives the time limit is interrupted through SQLite's own
//! interrupt, so a slow query cannot hold a connection for ever.

use crate::error::{ApiError, ServerError};
use crate::Limits;
use sitrep_store::Store;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

pub(crate) struct Pool {
    stores: Arc<Mutex<Vec<Store>>>,
    permits: Semaphore,
    query_time: Duration,
}

impl Pool {
    pub fn open(db: &Path, limits: &Limits) -> Result<Pool, ServerError> {
        let n = limits.connections.max(1);
        let stores = (0..n)
            .map(|_| {
                let store = Store::open_read_only(db)?;
                bound_memory(&store, limits)?;
                Ok(store)
            })
            .collect::<Result<Vec<_>, ServerError>>()?;
        Ok(Pool {
            stores: Arc::new(Mutex::new(stores)),
            permits: Semaphore::new(n),
            query_time: limits.query_time,
        })
    }

    /// Runs `f` on a free connection, waiting for one if all are busy.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::internal("connection pool closed"))?;
        let store = self
            .stores
            .lock()
            .map_err(|_| ApiError::internal("connection pool poisoned"))?
            .pop()
            .ok_or_else(|| ApiError::internal("no free connection under a permit"))?;
        let interrupt = store.connection().get_interrupt_handle();
        let stores = Arc::clone(&self.stores);
        let mut task = tokio::task::spawn_blocking(move || {
            let lease = Lease {
                store: Some(store),
                stores,
            };
            f(lease.store.as_ref().expect("leased store"))
        });
        let joined = match tokio::time::timeout(self.query_time, &mut task).await {
            Ok(joined) => joined,
            Err(_) => {
                interrupt.interrupt();
                task.await
            }
        };
        joined.map_err(|e| ApiError::internal(format!("query task failed: {e}")))?
    }
}

/// Caps what one connection may keep: its page cache and its mapping of the file. With the
/// allocator returning freed memory, the server's RSS is then bounded by the pool size times
/// these, plus the answers in flight.
fn bound_memory(store: &Store, limits: &Limits) -> Result<(), ServerError> {
    // Values are numbers formatted here, not request text.
    let pragmas = format!(
        "PRAGMA cache_size = -{}; PRAGMA mmap_size = {};",
        limits.cache_kib.max(64),
        limits.mmap_bytes
    );
    store
        .connection()
        .execute_batch(&pragmas)
        .map_err(ServerError::Pragma)
}

/// A connection taken from the pool; given back when dropped, even if the query panicked
/// (an interrupted or failed connection is still sound).
struct Lease {
    store: Option<Store>,
    stores: Arc<Mutex<Vec<Store>>>,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut v)) = (self.store.take(), self.stores.lock()) {
            v.push(store);
        }
    }
}
