#include "owners/git_identity.hpp"

namespace sprawl::owners {

std::string FormatIdentity(const std::string& name, const std::string& email) {
  if (email.empty()) return name;
  if (name.empty()) return "<" + email + ">";
  return name + " <" + email + ">";
}

std::string CommitSource(const std::string& commit_id) {
  return "commit " + commit_id.substr(0, 12);
}

void AddCommitIdentityHints(const GitProvenance& provenance, std::vector<OwnerHint>* out) {
  const GitCommitInfo& c = provenance.introduced;
  if (c.id.empty()) return;  // staged changes have no commit yet
  const std::string author = FormatIdentity(c.author_name, c.author_email);
  const std::string committer = FormatIdentity(c.committer_name, c.committer_email);
  if (!author.empty()) out->push_back({"commit-author", author, CommitSource(c.id)});
  if (!committer.empty()) out->push_back({"commit-committer", committer, CommitSource(c.id)});
}

}  // namespace sprawl::owners
