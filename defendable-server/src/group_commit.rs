//! Group commit: writes under one key (an organisation's chain) that arrive
//! while a batch for that key is committing wait, and are then committed
//! together by one request, in one transaction, so concurrent requests share a
//! durable commit. What a batch does is the caller's: [`GroupCommit::submit`]
//! takes the job and the function that commits a batch of such jobs.
//!
//! Leadership: the request that finds its key idle commits the first batch;
//! afterwards it hands leadership to the oldest waiting request, so no request
//! commits more than one batch and none waits behind an endless queue. A leader
//! that panics hands over too; the waiters of its batch are told their batch
//! was abandoned (nothing of it was committed by this path).
//!
//! Jobs are held type-erased, so one queue table serves every kind of write;
//! each key belongs to one kind of job (callers prefix keys with their kind).

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

use tokio::sync::mpsc;

type Boxed = Box<dyn Any + Send>;

/// What a waiting request is told.
enum Message {
    /// Its outcome.
    Done(Boxed),
    /// Commit the next batch (it holds this request's own job).
    Lead,
}

struct Waiting {
    job: Boxed,
    reply: mpsc::UnboundedSender<Message>,
}

#[derive(Default)]
struct Queue {
    waiting: Vec<Waiting>,
    /// A request is committing a batch for this key.
    leading: bool,
}

/// The queues of this process, by key.
#[derive(Default)]
pub struct GroupCommit {
    queues: Mutex<HashMap<String, Queue>>,
}

impl GroupCommit {
    /// Queues `job` under `key` and waits for the batch holding it. A request
    /// that leads takes up to `max_batch` waiting jobs (oldest first, its own
    /// among them) and runs `commit` on them, which answers one outcome per job,
    /// in the order given. `None`: the batch holding the job was abandoned.
    pub async fn submit<J, O, F, Fut>(
        &self,
        key: &str,
        max_batch: usize,
        job: J,
        commit: F,
    ) -> Option<O>
    where
        J: Send + 'static,
        O: Send + 'static,
        F: Fn(Vec<J>) -> Fut,
        Fut: Future<Output = Vec<O>>,
    {
        let (reply, mut inbox) = mpsc::unbounded_channel();
        let mut lead = {
            let mut queues = self.lock();
            let queue = queues.entry(key.to_string()).or_default();
            queue.waiting.push(Waiting {
                job: Box::new(job),
                reply,
            });
            !std::mem::replace(&mut queue.leading, true)
        };
        loop {
            if lead {
                let batch = self.take_batch(key, max_batch.max(1));
                let guard = HandOver { queues: self, key };
                let (jobs, replies): (Vec<J>, Vec<_>) = batch
                    .into_iter()
                    .map(|w| {
                        let job = *w
                            .job
                            .downcast::<J>()
                            .expect("every job under one key is of one type");
                        (job, w.reply)
                    })
                    .unzip();
                let outcomes = commit(jobs).await;
                debug_assert_eq!(outcomes.len(), replies.len());
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(Message::Done(Box::new(outcome)));
                }
                drop(guard);
            }
            match inbox.recv().await {
                Some(Message::Done(outcome)) => {
                    return outcome.downcast::<O>().ok().map(|o| *o);
                }
                Some(Message::Lead) => lead = true,
                None => return None,
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Queue>> {
        self.queues.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn take_batch(&self, key: &str, max: usize) -> Vec<Waiting> {
        let mut queues = self.lock();
        let queue = queues.entry(key.to_string()).or_default();
        let n = queue.waiting.len().min(max);
        queue.waiting.drain(..n).collect()
    }

    /// After a batch: passes leadership to the oldest waiting request that is
    /// still listening, or marks the key idle.
    fn hand_over(&self, key: &str) {
        let mut queues = self.lock();
        let Some(queue) = queues.get_mut(key) else {
            return;
        };
        // A closed inbox means its request is gone; its job is dropped unwritten.
        while let Some(first) = queue.waiting.first() {
            if first.reply.send(Message::Lead).is_ok() {
                return;
            }
            queue.waiting.remove(0);
        }
        queues.remove(key);
    }
}

/// Hands leadership over when the leader's batch ends, also by a panic.
struct HandOver<'a> {
    queues: &'a GroupCommit,
    key: &'a str,
}

impl Drop for HandOver<'_> {
    fn drop(&mut self) {
        self.queues.hand_over(self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[tokio::test]
    async fn one_request_alone_commits_its_own_batch() {
        let queues = GroupCommit::default();
        let out = queues
            .submit("k", 8, 21, |jobs: Vec<i32>| async move {
                jobs.into_iter().map(|j| j * 2).collect::<Vec<_>>()
            })
            .await;
        assert_eq!(out, Some(42));
    }

    #[tokio::test]
    async fn concurrent_requests_share_batches_and_get_their_own_outcomes() {
        let queues = Arc::new(GroupCommit::default());
        let batches = Arc::new(Mutex::new(Vec::<usize>::new()));
        let mut tasks = Vec::new();
        for n in 0..40u64 {
            let (queues, batches) = (Arc::clone(&queues), Arc::clone(&batches));
            tasks.push(tokio::spawn(async move {
                queues
                    .submit("org", 16, n, |jobs: Vec<u64>| {
                        let batches = Arc::clone(&batches);
                        async move {
                            batches.lock().unwrap().push(jobs.len());
                            tokio::time::sleep(Duration::from_millis(5)).await;
                            jobs.into_iter().map(|j| j + 1000).collect::<Vec<_>>()
                        }
                    })
                    .await
            }));
        }
        for (n, task) in tasks.into_iter().enumerate() {
            assert_eq!(task.await.unwrap(), Some(n as u64 + 1000));
        }
        let batches = batches.lock().unwrap().clone();
        assert_eq!(batches.iter().sum::<usize>(), 40);
        assert!(batches.iter().all(|&b| b <= 16), "{batches:?}");
        assert!(
            batches.len() < 40,
            "some requests shared a commit: {batches:?}"
        );
        assert!(queues.lock().is_empty(), "the key is idle again");
    }

    #[tokio::test]
    async fn a_panicking_leader_hands_over_and_its_batch_is_abandoned() {
        let queues = Arc::new(GroupCommit::default());
        let first = {
            let queues = Arc::clone(&queues);
            tokio::spawn(async move {
                queues
                    .submit("k", 1, 1u8, |_: Vec<u8>| async move {
                        tokio::time::sleep(Duration::from_millis(30)).await;
                        panic!("the commit failed");
                        #[allow(unreachable_code)]
                        Vec::<u8>::new()
                    })
                    .await
            })
        };
        tokio::time::sleep(Duration::from_millis(5)).await;
        let second = queues
            .submit("k", 1, 2u8, |jobs: Vec<u8>| async move { jobs })
            .await;
        assert!(first.await.is_err(), "the leader's task panicked");
        assert_eq!(second, Some(2), "the next request led its own batch");
        assert!(queues.lock().is_empty());
    }
}
