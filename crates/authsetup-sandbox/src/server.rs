//! Serving a flavour's router on 127.0.0.1, on the caller's runtime or on a thread of its own,
//! and stopping it again when the sandbox is dropped.

use std::io;
use std::net::{SocketAddr, TcpListener as StdTcpListener};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// How long a background server may take to finish in-flight requests once dropped.
const GRACE: Duration = Duration::from_secs(1);

/// A bound but not yet serving socket; binding first lets the flavour know its base URL.
pub(crate) struct Bound {
    listener: StdTcpListener,
    addr: SocketAddr,
}

impl Bound {
    pub(crate) fn bind(port: u16) -> io::Result<Bound> {
        let listener = StdTcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        Ok(Bound { listener, addr })
    }

    pub(crate) fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves on the current tokio runtime.
    pub(crate) fn serve_here(self, router: Router, shutdown: Shutdown) -> io::Result<Running> {
        let listener = KillableListener(TcpListener::from_std(self.listener)?);
        tokio::spawn(serve(listener, router, shutdown.clone()));
        Ok(Running {
            shutdown,
            thread: None,
        })
    }

    /// Serves on a new thread with its own runtime.
    pub(crate) fn serve_background(
        self,
        router: Router,
        shutdown: Shutdown,
    ) -> io::Result<Running> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("authsetup-sandbox")
            .enable_all()
            .build()?;
        let listener = {
            let _ctx = rt.enter();
            KillableListener(TcpListener::from_std(self.listener)?)
        };
        let stop = shutdown.clone();
        let thread = std::thread::Builder::new()
            .name("authsetup-sandbox".into())
            .spawn(move || {
                rt.block_on(async move {
                    tokio::select! {
                        () = serve(listener, router, stop.clone()) => {}
                        () = async { stop.wait().await; tokio::time::sleep(GRACE).await } => {}
                    }
                });
                rt.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(Running {
            shutdown,
            thread: Some(thread),
        })
    }
}

async fn serve(listener: KillableListener, router: Router, shutdown: Shutdown) {
    let app = router.into_make_service_with_connect_info::<Conn>();
    let _ = axum::serve(listener, app)
        .with_graceful_shutdown(async move { shutdown.wait().await })
        .await;
}

/// Broadcast "stop": ends the accept loop and wakes requests that are sleeping or hanging.
#[derive(Clone)]
pub(crate) struct Shutdown {
    tx: Arc<watch::Sender<bool>>,
    rx: watch::Receiver<bool>,
}

impl Shutdown {
    pub(crate) fn new() -> Self {
        let (tx, rx) = watch::channel(false);
        Shutdown {
            tx: Arc::new(tx),
            rx,
        }
    }

    pub(crate) fn trigger(&self) {
        self.tx.send_replace(true);
    }

    pub(crate) async fn wait(&self) {
        let mut rx = self.rx.clone();
        let _ = rx.wait_for(|stopped| *stopped).await;
    }

    /// Sleeps for `duration` unless the server stops first; true if it slept the whole time.
    pub(crate) async fn sleep(&self, duration: Duration) -> bool {
        tokio::select! {
            () = tokio::time::sleep(duration) => true,
            () = self.wait() => false,
        }
    }
}

/// Stops the server when dropped. A server on the caller's runtime winds down as a task there;
/// a background server's thread is joined.
pub(crate) struct Running {
    shutdown: Shutdown,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown.trigger();
        if let Some(thread) = self.thread.take() {
            // bounded by GRACE plus the runtime's shutdown timeout
            let _ = thread.join();
        }
    }
}

/// Per-connection handle a handler can use to drop the connection without answering.
#[derive(Clone, Debug)]
pub(crate) struct Conn {
    killed: Arc<AtomicBool>,
}

impl Conn {
    pub(crate) fn kill(&self) {
        self.killed.store(true, Ordering::SeqCst);
    }
}

struct KillableListener(TcpListener);

impl Listener for KillableListener {
    type Io = KillableStream;
    type Addr = Conn;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    let killed = Arc::new(AtomicBool::new(false));
                    return (
                        KillableStream {
                            stream,
                            killed: killed.clone(),
                        },
                        Conn { killed },
                    );
                }
                // e.g. EMFILE; back off instead of spinning
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Err(io::Error::other(
            "a killable listener has no single address",
        ))
    }
}

impl Connected<IncomingStream<'_, KillableListener>> for Conn {
    fn connect_info(stream: IncomingStream<'_, KillableListener>) -> Self {
        stream.remote_addr().clone()
    }
}

/// A TCP stream that fails every operation once killed, which makes hyper drop the connection
/// before it writes a byte of the pending response; zero linger turns the close into a RST.
struct KillableStream {
    stream: TcpStream,
    killed: Arc<AtomicBool>,
}

impl KillableStream {
    fn check(&self) -> io::Result<()> {
        if self.killed.load(Ordering::SeqCst) {
            let _ = self.stream.set_zero_linger();
            return Err(io::Error::from(io::ErrorKind::ConnectionReset));
        }
        Ok(())
    }
}

impl AsyncRead for KillableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.check()?;
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for KillableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.check()?;
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.check()?;
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
