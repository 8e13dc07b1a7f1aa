//! The public listener's connection guard: how many connections may be open
//! at once (room is made by closing the longest-idle one), how long a client
//! may take to send a request head, how long a kept-alive connection may sit
//! idle, and how slowly a request body may arrive. Each connection's state is
//! kept here; [`io::WatchedIo`] and [`body::MinRateBody`] feed it.

pub mod body;
pub mod io;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

pub use crate::config::connections::{default_max_connections, ConnectionSettings};

/// How often a connection's deadlines are looked at, at most.
const WATCH_TICK: Duration = Duration::from_millis(500);

/// One open connection, as the guard sees it.
#[derive(Debug)]
pub struct ConnectionState {
    /// Requests being answered (a response counts until its body is sent).
    in_flight: AtomicUsize,
    /// Bytes of a request head have arrived and its request has not started.
    head_started: AtomicBool,
    /// A request was answered on this connection.
    served: AtomicBool,
    /// When the current phase (waiting, reading a head, idle) began.
    since: Mutex<Instant>,
    evicted: AtomicBool,
    evict: Notify,
}

impl ConnectionState {
    fn new() -> ConnectionState {
        ConnectionState {
            in_flight: AtomicUsize::new(0),
            head_started: AtomicBool::new(false),
            served: AtomicBool::new(false),
            since: Mutex::new(Instant::now()),
            evicted: AtomicBool::new(false),
            evict: Notify::new(),
        }
    }

    fn since(&self) -> Instant {
        *self.since.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn restart_phase(&self) {
        *self.since.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }

    /// Whether no request is being answered (hyper's own answers to
    /// unparsable requests are written then).
    pub fn between_requests(&self) -> bool {
        self.in_flight.load(Ordering::Acquire) == 0
    }

    /// Bytes arrived: between requests, a request head has started.
    pub fn bytes_read(&self) {
        if self.between_requests() && !self.head_started.swap(true, Ordering::AcqRel) {
            self.restart_phase();
        }
    }

    /// A request head was read: the request is in flight until the guard drops.
    pub fn begin_request(self: &Arc<Self>) -> ActiveRequest {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        self.head_started.store(false, Ordering::Release);
        ActiveRequest(Arc::clone(self))
    }

    /// When the connection must be closed if nothing changes, if ever.
    fn deadline(&self, settings: &ConnectionSettings) -> Option<Instant> {
        if !self.between_requests() {
            return None;
        }
        let waiting_for_head =
            self.head_started.load(Ordering::Acquire) || !self.served.load(Ordering::Acquire);
        let limit = if waiting_for_head {
            settings.header_timeout
        } else {
            settings.idle_timeout
        };
        Some(self.since() + limit)
    }

    /// Completes when the connection is to be closed: a deadline passed or
    /// the slot is needed for another client.
    async fn watch(&self, settings: &ConnectionSettings) {
        loop {
            let now = Instant::now();
            let wake = match self.deadline(settings) {
                Some(deadline) if deadline <= now => return,
                Some(deadline) => deadline.min(now + WATCH_TICK),
                None => now + WATCH_TICK,
            };
            tokio::select! {
                _ = tokio::time::sleep_until(wake) => {}
                _ = self.evict.notified() => return,
            }
        }
    }
}

/// A request in flight; dropped when its response has been sent.
#[derive(Debug)]
pub struct ActiveRequest(Arc<ConnectionState>);

impl Drop for ActiveRequest {
    fn drop(&mut self) {
        let state = &self.0;
        state.restart_phase();
        state.served.store(true, Ordering::Release);
        state.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The open connections and the slots for more.
#[derive(Debug)]
pub struct Connections {
    settings: ConnectionSettings,
    slots: Arc<Semaphore>,
    open: Mutex<HashMap<u64, Arc<ConnectionState>>>,
    next_id: AtomicU64,
}

/// An open connection's hold on its slot; released when dropped.
pub struct Registration {
    connections: Arc<Connections>,
    id: u64,
    pub state: Arc<ConnectionState>,
    _slot: OwnedSemaphorePermit,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.connections
            .open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
    }
}

impl Registration {
    /// Completes when the connection is to be closed (see [`ConnectionState`]).
    pub async fn closing(&self) {
        self.state.watch(&self.connections.settings).await
    }
}

impl Connections {
    pub fn new(settings: ConnectionSettings) -> Arc<Connections> {
        Arc::new(Connections {
            slots: Arc::new(Semaphore::new(settings.max_connections)),
            settings,
            open: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
        })
    }

    pub fn settings(&self) -> &ConnectionSettings {
        &self.settings
    }

    /// How many connections are open.
    pub fn open_count(&self) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Waits for a free slot; when all are taken, closes the connection that
    /// has been idle longest (no request in flight) to make one. With every
    /// connection busy, waits for one to finish.
    pub async fn slot(self: &Arc<Self>) -> OwnedSemaphorePermit {
        if let Ok(permit) = Arc::clone(&self.slots).try_acquire_owned() {
            return permit;
        }
        self.evict_longest_idle();
        Arc::clone(&self.slots)
            .acquire_owned()
            .await
            .expect("the slot semaphore is never closed")
    }

    fn evict_longest_idle(&self) {
        let open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let victim = open
            .values()
            .filter(|s| s.between_requests() && !s.evicted.load(Ordering::Acquire))
            .min_by_key(|s| s.since());
        if let Some(state) = victim {
            state.evicted.store(true, Ordering::Release);
            state.evict.notify_one();
        }
    }

    /// Registers a newly accepted connection holding `slot`.
    pub fn register(self: &Arc<Self>, slot: OwnedSemaphorePermit) -> Registration {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnectionState::new());
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, Arc::clone(&state));
        Registration {
            connections: Arc::clone(self),
            id,
            state,
            _slot: slot,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(max: usize) -> ConnectionSettings {
        ConnectionSettings {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            body_min_bytes_per_sec: 1024,
            body_rate_window: Duration::from_secs(10),
            max_connections: max,
        }
    }

    #[tokio::test]
    async fn deadlines_follow_the_phase() {
        let s = settings(4);
        let state = Arc::new(ConnectionState::new());
        let start = state.since();
        assert_eq!(state.deadline(&s), Some(start + s.header_timeout));
        let request = state.begin_request();
        assert_eq!(state.deadline(&s), None);
        tokio::time::sleep(Duration::from_millis(5)).await;
        drop(request);
        let idle_since = state.since();
        assert_eq!(state.deadline(&s), Some(idle_since + s.idle_timeout));
        tokio::time::sleep(Duration::from_millis(5)).await;
        state.bytes_read();
        assert_eq!(state.deadline(&s), Some(state.since() + s.header_timeout));
        assert!(state.since() > idle_since);
    }

    #[tokio::test]
    async fn a_full_house_evicts_the_longest_idle_connection() {
        let connections = Connections::new(settings(2));
        let first = connections.register(connections.slot().await);
        let second = connections.register(connections.slot().await);
        let _busy = first.state.begin_request();
        let waiting = tokio::spawn({
            let connections = Arc::clone(&connections);
            async move { connections.slot().await }
        });
        // The idle connection is told to close; the busy one is not.
        tokio::time::timeout(Duration::from_secs(5), second.closing())
            .await
            .expect("the idle connection is evicted");
        assert!(!first.state.evicted.load(Ordering::Acquire));
        drop(second);
        let _slot = tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("a slot is free")
            .unwrap();
        assert_eq!(connections.open_count(), 1);
    }
}
