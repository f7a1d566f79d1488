#include "app.hpp"

namespace tandem::cli {

void setup_import(CLI::App& app, Session& session)
{
  (void)app;
  (void)session;
}

} // namespace tandem::cli
