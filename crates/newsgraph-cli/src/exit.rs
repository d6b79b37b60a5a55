//! Exit codes: part of newsgraph's interface, so scripts can tell outcomes apart.

use std::process::ExitCode;

/// The text appended to `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success
  1    some inputs failed (each named on stderr); the others were processed
  2    usage error (bad arguments)
  3    fatal error: nothing could be done (store cannot be opened, bad option value)
  4    not found (show: no article with that id)
  130  interrupted (Ctrl-C); everything finished before the interrupt is kept";

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Everything worked.
    Success,
    /// Some inputs failed, the rest were processed.
    Partial,
    /// Nothing could be done.
    Fatal,
    /// The arguments do not make sense together.
    Usage,
    /// The thing asked for does not exist.
    NotFound,
    /// Stopped by the user.
    Interrupted,
}

impl From<Code> for ExitCode {
    fn from(code: Code) -> ExitCode {
        ExitCode::from(match code {
            Code::Success => 0,
            Code::Partial => 1,
            Code::Fatal => 3,
            Code::Usage => 2,
            Code::NotFound => 4,
            Code::Interrupted => 130,
        })
    }
}
