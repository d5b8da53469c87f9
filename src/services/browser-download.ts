/** Saves a file through the browser (H5 build only): a hidden link clicked once, then let go. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  document.body.removeChild(link)
  // Revoking at once cancels the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
