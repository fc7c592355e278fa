// Whether a project database is opened for writing or only for reading.
#pragma once

namespace neuroonco {

// ReadOnly never writes the file nor changes its journal mode: for projects whose folder or file
// cannot be written (archived, shared, another user's) and for checking backups.
enum class DatabaseAccess { ReadWrite, ReadOnly };

} // namespace neuroonco
