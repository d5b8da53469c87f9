/** Saves a file through the browser (H5 build only): a hidden link to it, clicked once. */
export function downloadUrl(filename: string, url: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  document.body.removeChild(link)
}

/** Saves bytes made on the page through the browser, then lets go of them. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  downloadUrl(filename, url)
  // Revoking at once cancels the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
