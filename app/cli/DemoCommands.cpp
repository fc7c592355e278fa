// Subcommands that make demo data: demo-data.
#include "CliCommand.h"

namespace neuroonco {

std::vector<CliCommand> demoCommands()
{
    return {};
}

} // namespace neuroonco
