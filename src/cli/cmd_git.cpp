// Placeholder until the subcommand lands; registers nothing.
#include "cli/commands.hpp"

namespace sprawl::cli {

void RegisterGit(CLI::App&, Action*) {}

}  // namespace sprawl::cli
