"""LibreOffice, when installed, as a second reader of the workbooks (it is stricter than openpyxl
about sheet names and defined names) and as the printer."""
import shutil
import subprocess
from pathlib import Path


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(workbook: Path, folder: Path) -> Path:
    """Convert with LibreOffice (own profile, headless); the PDF, which must exist."""
    office = libreoffice()
    assert office is not None
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([office, "--headless", f"-env:UserInstallation=file://{folder / 'lo-profile'}",
                             "--convert-to", "pdf", "--outdir", str(folder), str(workbook)],
                            capture_output=True, text=True, timeout=300)
    pdf = folder / (workbook.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000, (result.stdout, result.stderr)
    return pdf
