/**
 * Stand-ins for the NutUI components we use, with the same props and events. NutUI itself is exercised in
 * the H5 build and the browser journeys; here we test our own components' behaviour.
 */
import { createElement, type ReactNode } from 'react'

interface ButtonProps {
  children?: ReactNode
  className?: string
  type?: string
  fill?: string
  size?: string
  block?: boolean
  loading?: boolean
  disabled?: boolean
  onClick?: (e: unknown) => void
}

export function Button({ children, className, type, disabled, loading, onClick }: ButtonProps) {
  return createElement(
    'button',
    {
      type: 'button',
      className: `nut-button nut-button--${type ?? 'default'} ${className ?? ''}`.trim(),
      disabled: disabled || loading,
      onClick,
    },
    children,
  )
}

interface CheckboxProps {
  checked?: boolean
  label?: ReactNode
  className?: string
  disabled?: boolean
  onChange?: (checked: boolean) => void
}

export function Checkbox({ checked, label, className, disabled, onChange }: CheckboxProps) {
  return createElement(
    'label',
    { className: `nut-checkbox ${className ?? ''}`.trim() },
    createElement('input', {
      type: 'checkbox',
      checked: !!checked,
      disabled,
      onChange: (e: { target: { checked: boolean } }) => onChange?.(e.target.checked),
    }),
    label,
  )
}
