// Structured errors returned by core. Callers (GUI, CLI) turn them into text with
// errorMessage(), which goes through Qt's translation mechanism.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace neuroonco {

enum class ErrorCode {
    None,
    Io,              // a file or folder could not be read or written
    NotFound,        // a file, project, job or sample does not exist
    InvalidArgument, // a parameter or field has a value we cannot use
    Parse,           // a file exists but its content is malformed
    Database,        // an SQL statement failed
    SchemaTooNew,    // the project was made by a newer build
    Locked,          // another job of the same stage is running
    Canceled,        // the user asked to stop
    Network,         // an HTTP request failed for good
    Unsupported,     // a format or feature this build does not handle
    ItemsFailed,     // a job's items all failed and none succeeded
    NothingToDo,     // a filter left nothing to work on (detail says how to proceed)
    Conflict,        // stored work was made differently than asked (another extractor, say)
    Untrusted,       // a project's own setting the user has not trusted (its endpoints.json)
    Damaged,         // the project database is corrupt: a read failed or the integrity check found damage
    ReadOnly,        // the project is open for reading only (its folder or file cannot be written)
    TooLarge,        // a file declares more pixels, voxels or bytes than the read caps allow
    Internal,        // a bug: should never happen
};

struct [[nodiscard]] Error
{
    ErrorCode code = ErrorCode::None;
    QString subject; // what the error is about: a file path, a field, a job
    QString detail;  // technical detail, not translated (driver text, parser position)

    Error() = default;
    Error(ErrorCode c, QString s, QString d = {})
        : code(c)
        , subject(std::move(s))
        , detail(std::move(d))
    {}

    bool isError() const { return code != ErrorCode::None; }
    explicit operator bool() const { return isError(); }
};

// Human-readable text for an error, translated when a translator is installed.
QString errorMessage(const Error &error);
// Short stable identifier of a code ("io", "schema-too-new"), for JSON output and logs.
QString errorCodeName(ErrorCode code);

// Either a value or an Error. Small on purpose: no exceptions cross layer boundaries.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T take() { return std::move(*m_value); }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace neuroonco
