//! A request body that must keep up a minimum rate: in every window of the
//! configured length at least `rate × window` bytes arrive (or the body ends),
//! or the body fails and the layer answers 408, closing the connection.

use std::future::Future as _;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use tokio::time::{Instant, Sleep};

/// Why a body was cut off.
#[derive(Debug, thiserror::Error)]
#[error("the request body arrived slower than {0} bytes per second")]
pub struct TooSlow(pub u64);

/// Wraps a request body with the minimum-rate check.
pub struct MinRateBody<B> {
    inner: B,
    min_per_window: u64,
    rate: u64,
    window: Duration,
    received: u64,
    window_end: Pin<Box<Sleep>>,
    cut_off: Arc<AtomicBool>,
}

impl<B> MinRateBody<B> {
    /// `cut_off` is set when the body fails for being too slow.
    pub fn new(inner: B, rate: u64, window: Duration, cut_off: Arc<AtomicBool>) -> Self {
        let min_per_window = (rate as u128 * window.as_millis() / 1000) as u64;
        MinRateBody {
            inner,
            min_per_window,
            rate,
            window,
            received: 0,
            window_end: Box::pin(tokio::time::sleep(window)),
            cut_off,
        }
    }

    /// Closes a window that has ended: starts the next one, or fails.
    fn window_closed(&mut self) -> Result<(), TooSlow> {
        if self.received < self.min_per_window {
            self.cut_off.store(true, Ordering::Release);
            return Err(TooSlow(self.rate));
        }
        self.received = 0;
        let next = Instant::now() + self.window;
        self.window_end.as_mut().reset(next);
        Ok(())
    }
}

impl<B> Body for MinRateBody<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if this.min_per_window == 0 {
            return Pin::new(&mut this.inner)
                .poll_frame(cx)
                .map(|f| f.map(|r| r.map_err(Into::into)));
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.received += data.len() as u64;
                }
                if this.window_end.as_mut().poll(cx).is_ready() {
                    this.window_closed()?;
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e.into()))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => {
                while this.window_end.as_mut().poll(cx).is_ready() {
                    this.window_closed()?;
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::{BodyExt as _, StreamBody};

    fn trickle(
        every: Duration,
        chunks: usize,
    ) -> StreamBody<futures::stream::BoxStream<'static, Result<Frame<Bytes>, std::io::Error>>> {
        use futures::StreamExt as _;
        let stream = futures::stream::iter(0..chunks)
            .then(move |_| async move {
                tokio::time::sleep(every).await;
                Ok(Frame::data(Bytes::from_static(b"x")))
            })
            .boxed();
        StreamBody::new(stream)
    }

    #[tokio::test]
    async fn a_trickle_is_cut_off_and_a_steady_body_is_not() {
        let cut = Arc::new(AtomicBool::new(false));
        let slow = MinRateBody::new(
            trickle(Duration::from_millis(100), 100),
            100,
            Duration::from_millis(300),
            Arc::clone(&cut),
        );
        let Err(error) = slow.collect().await else {
            panic!("a trickle is cut off")
        };
        assert!(error.to_string().contains("slower than 100 bytes"));
        assert!(cut.load(Ordering::Acquire));

        let cut = Arc::new(AtomicBool::new(false));
        let steady = MinRateBody::new(
            trickle(Duration::from_millis(5), 100),
            10,
            Duration::from_millis(100),
            Arc::clone(&cut),
        );
        assert_eq!(steady.collect().await.unwrap().to_bytes().len(), 100);
        assert!(!cut.load(Ordering::Acquire));
    }
}
