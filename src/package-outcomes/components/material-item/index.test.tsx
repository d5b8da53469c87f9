import { fireEvent, render, screen } from '@testing-library/react'
import type { MaterialView } from '@core/contracts/materials'
import { MaterialItem } from './index'

const file: MaterialView = {
  id: 'f_1',
  lessonId: 'c1_l1',
  title: '第一课讲义',
  kind: 'file',
  url: 'https://example.com/x.pdf',
  fileType: 'pptx',
  bytes: 1_300_000,
  createdAt: '2026-12-01T01:00:00.000Z',
}

it('shows the kind, name and size of a file and opens it on a tap', () => {
  const onOpen = jest.fn()
  render(<MaterialItem material={file} actionText="打开" onOpen={onOpen} />)
  expect(screen.getByText('PPT · 1.2 MB')).toBeTruthy()
  fireEvent.click(screen.getByLabelText('打开：第一课讲义'))
  expect(onOpen).toHaveBeenCalledTimes(1)
})

it('shows a link by its address, and ignores taps while a download runs', () => {
  const onOpen = jest.fn()
  const link: MaterialView = { ...file, kind: 'link', url: 'https://example.com/ai', fileType: null, bytes: null }
  const { rerender } = render(<MaterialItem material={link} actionText="复制链接" onOpen={onOpen} />)
  expect(screen.getByText('链接')).toBeTruthy()
  expect(screen.getByText('example.com/ai')).toBeTruthy()
  rerender(<MaterialItem material={file} actionText="打开" busy onOpen={onOpen} />)
  fireEvent.click(screen.getByLabelText('打开：第一课讲义'))
  expect(screen.getByText('下载中…')).toBeTruthy()
  expect(onOpen).not.toHaveBeenCalled()
})
