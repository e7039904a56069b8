//! Ledger writes off the hot path: a bounded queue drained in batches by one task, flushed on
//! shutdown. A full queue drops the card's ledger entry (counted and logged) rather than slow
//! the clinician's call.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::{IssuedCard, Store};

/// Cards waiting to be written, at most.
pub const QUEUE_CAPACITY: usize = 10_000;
/// Cards per transaction, at most.
pub const BATCH_SIZE: usize = 256;
/// How long a card may wait for its batch.
pub const BATCH_DELAY: Duration = Duration::from_millis(100);

/// The sending side of the ledger queue.
pub struct LedgerWriter {
    sender: std::sync::Mutex<Option<mpsc::Sender<IssuedCard>>>,
    task: std::sync::Mutex<Option<JoinHandle<()>>>,
}

impl LedgerWriter {
    /// Starts the writer task on `store`.
    pub fn start(store: Store) -> LedgerWriter {
        let (sender, receiver) = mpsc::channel(QUEUE_CAPACITY);
        let task = tokio::spawn(drain(store, receiver));
        LedgerWriter {
            sender: std::sync::Mutex::new(Some(sender)),
            task: std::sync::Mutex::new(Some(task)),
        }
    }

    /// A writer that records nothing (no ledger configured, benches with the ledger off).
    pub fn off() -> LedgerWriter {
        LedgerWriter {
            sender: std::sync::Mutex::new(None),
            task: std::sync::Mutex::new(None),
        }
    }

    /// Queues issued cards without waiting.
    pub fn record(&self, cards: Vec<IssuedCard>) {
        let Some(sender) = self.sender.lock().expect("ledger lock").clone() else {
            return;
        };
        for card in cards {
            if sender.try_send(card).is_err() {
                metrics::counter!("venous_cds_ledger_dropped_total").increment(1);
                tracing::warn!("ledger queue full: a card was not recorded");
            }
        }
    }

    /// Closes the queue and waits until every queued card is written.
    pub async fn flush(&self) {
        self.sender.lock().expect("ledger lock").take();
        let task = self.task.lock().expect("ledger lock").take();
        if let Some(task) = task {
            let _ = task.await;
        }
    }
}

async fn drain(store: Store, mut receiver: mpsc::Receiver<IssuedCard>) {
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    loop {
        let first = match receiver.recv().await {
            Some(card) => card,
            None => break,
        };
        batch.push(first);
        let deadline = tokio::time::Instant::now() + BATCH_DELAY;
        while batch.len() < BATCH_SIZE {
            match tokio::time::timeout_at(deadline, receiver.recv()).await {
                Ok(Some(card)) => batch.push(card),
                Ok(None) | Err(_) => break,
            }
        }
        write(&store, &mut batch).await;
    }
    write(&store, &mut batch).await;
}

async fn write(store: &Store, batch: &mut Vec<IssuedCard>) {
    if batch.is_empty() {
        return;
    }
    match store.insert_cards(batch).await {
        Ok(()) => {
            metrics::counter!("venous_cds_ledger_written_total").increment(batch.len() as u64)
        }
        Err(error) => {
            metrics::counter!("venous_cds_ledger_dropped_total").increment(batch.len() as u64);
            tracing::error!(error = %error, cards = batch.len(), "ledger write failed");
        }
    }
    batch.clear();
}
