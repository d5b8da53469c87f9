import type { ReactNode } from 'react'
import { Button } from '@nutui/nutui-react-taro'

export interface SaveButtonProps {
  /** The save is under way: the button shows progress and cannot be tapped again. */
  saving: boolean
  onSave: () => void
  className?: string
  children: ReactNode
}

/** The one wide primary button at the foot of a form. */
export function SaveButton({ saving, onSave, className = '', children }: SaveButtonProps) {
  return (
    <Button className={className} type="primary" size="large" block loading={saving} disabled={saving} onClick={onSave}>
      {children}
    </Button>
  )
}

export default SaveButton
