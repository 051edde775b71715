#!/usr/bin/env bash
# Install the built bundle for the current user (no root): the program in ~/.local/opt, a
# launcher in ~/.local/bin, the menu entry, the icons, the project file type and "Open with" for
# .txt/.docx/.pdf.   bash packaging/linux/install.sh [dist/figure-reviewer]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=${1:-$root/dist/figure-reviewer}
[ -x "$bundle/figure-reviewer" ] || { echo "no bundle at $bundle: run packaging/build first" >&2; exit 1; }
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -rf "$HOME/.local/opt/figure-reviewer"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/mime/packages" "$data/metainfo"
cp -a "$bundle" "$HOME/.local/opt/figure-reviewer"
ln -sf "$HOME/.local/opt/figure-reviewer/figure-reviewer" "$HOME/.local/bin/figure-reviewer"
sed "s|^Exec=figure-reviewer|Exec=$HOME/.local/bin/figure-reviewer|" "$here/figure-reviewer.desktop" \
  > "$data/applications/figure-reviewer.desktop"
cp "$here/figure-reviewer-mime.xml" "$data/mime/packages/figure-reviewer.xml"
cp "$here/io.github.figure_reviewer.metainfo.xml" "$data/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps" "$data/icons/hicolor/${size}x${size}/mimetypes"
  cp "$root/resources/icons/figure-reviewer-$size.png" "$data/icons/hicolor/${size}x${size}/apps/figure-reviewer.png"
  cp "$root/resources/icons/figure-reviewer-$size.png" \
     "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-figure-reviewer-project.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$root/resources/icons/figure-reviewer.svg" "$data/icons/hicolor/scalable/apps/figure-reviewer.svg"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$data/icons/hicolor" || true
echo "installed: $HOME/.local/bin/figure-reviewer (menu: figure-reviewer / 数字核校)"
