//! Fault injection: make the next matching requests fail the way networks and proxies fail.

/// Applies to the next `times` requests whose raw path starts with `path_prefix` (and whose
/// method equals `method`, case-insensitively, when given), then disarms. Faulted requests never
/// reach the tenant, so they change no state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub method: Option<String>,
    pub path_prefix: String,
    pub times: usize,
    pub kind: FaultKind,
}

impl Fault {
    /// A fault for the next single request under `path_prefix`, any method.
    pub fn new(kind: FaultKind, path_prefix: impl Into<String>) -> Self {
        Fault {
            method: None,
            path_prefix: path_prefix.into(),
            times: 1,
            kind,
        }
    }

    pub fn times(mut self, times: usize) -> Self {
        self.times = times;
        self
    }

    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && path.starts_with(&self.path_prefix)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// This status with a body shaped like the provider's own error for it.
    Status(u16),
    /// This status with an HTML error page, as a reverse proxy in front of the API sends it.
    Html(u16),
    /// Never answers; the client must time out.
    Hang,
    /// Closes the connection without sending a response.
    Reset,
    /// The tenant carries the request out, then the connection drops before the answer: the
    /// client cannot tell whether a create happened.
    LostAnswer,
    /// 200 whose JSON body is cut in half (the HTTP framing itself is valid).
    Truncated,
}

#[derive(Default)]
pub(crate) struct FaultQueue {
    armed: Vec<Fault>,
}

impl FaultQueue {
    pub(crate) fn arm(&mut self, fault: Fault) {
        if fault.times > 0 {
            self.armed.push(fault);
        }
    }

    /// The first armed fault matching this request, consuming one of its uses.
    pub(crate) fn take(&mut self, method: &str, path: &str) -> Option<FaultKind> {
        let i = self.armed.iter().position(|f| f.matches(method, path))?;
        let kind = self.armed[i].kind;
        self.armed[i].times -= 1;
        if self.armed[i].times == 0 {
            self.armed.remove(i);
        }
        Some(kind)
    }
}

/// The page a proxy such as Cloudflare (the `Server` header of the ruby-auth0 recordings)
/// renders when the origin misbehaves.
pub(crate) fn html_page(status: u16, reason: &str) -> String {
    format!(
        "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n\
         <center><h1>{status} {reason}</h1></center>\r\n<hr><center>cloudflare</center>\r\n\
         </body>\r\n</html>\r\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_apply_in_order_and_disarm() {
        let mut q = FaultQueue::default();
        q.arm(Fault::new(FaultKind::Status(503), "/api/v2/").times(2));
        q.arm(Fault::new(FaultKind::Reset, "/oauth/token").method("post"));
        q.arm(Fault::new(FaultKind::Hang, "/").times(0));

        assert_eq!(q.take("GET", "/oauth/token"), None);
        assert_eq!(q.take("POST", "/oauth/token"), Some(FaultKind::Reset));
        assert_eq!(q.take("POST", "/oauth/token"), None);
        assert_eq!(
            q.take("GET", "/api/v2/clients"),
            Some(FaultKind::Status(503))
        );
        assert_eq!(
            q.take("PATCH", "/api/v2/tenants/settings"),
            Some(FaultKind::Status(503))
        );
        assert_eq!(q.take("GET", "/api/v2/clients"), None);
    }
}
