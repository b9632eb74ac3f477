#!/bin/sh
# Regenerates the manual page with the argument parser's manual plugin (offline: it builds the
# package and its generate-manual tool, then renders `assistant-wizard --experimental-dump-help`),
# and keeps beside it the command tree it was rendered from. ManualPageTests fails when the
# program's tree no longer matches that copy, i.e. when the page is out of date.
#
#   docs/man/generate.sh [YYYY-MM-DD]     (the page's date; default today)
set -eu
cd "$(dirname "$0")/../.."
date=${1:-$(date +%Y-%m-%d)}
swift package generate-manual --configuration debug --date "$date"
cp .build/plugins/GenerateManual/outputs/assistant-wizard/assistant-wizard.1 docs/man/assistant-wizard.1
"$(swift build --show-bin-path)/assistant-wizard" --experimental-dump-help > docs/man/command-tree.json
echo "docs/man/assistant-wizard.1 and docs/man/command-tree.json updated"
