import { fireEvent, render, screen } from '@testing-library/react'
import { StaffPickerField } from '.'

jest.mock('@tarojs/components', () => jest.requireActual('@/package-staff/testing/taro-components').staffComponents())

describe('StaffPickerField', () => {
  it('shows the placeholder until something is chosen, then reports the chosen option by name', () => {
    const onChange = jest.fn()
    render(
      <StaffPickerField
        label="课程类别"
        mode="selector"
        value=""
        options={['人工智能', '无人机']}
        onChange={onChange}
      />,
    )
    expect(screen.getByText('请选择')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('课程类别'), { target: { value: '1' } })
    expect(onChange).toHaveBeenCalledWith('无人机')
  })

  it('reports a date and marks the field when it has an error', () => {
    const onChange = jest.fn()
    const { container } = render(
      <StaffPickerField label="开始日期" mode="date" value="" error="请选择报名开始时间" onChange={onChange} />,
    )
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-12-01' } })
    expect(onChange).toHaveBeenCalledWith('2026-12-01')
    expect(screen.getByText('请选择报名开始时间')).toBeTruthy()
    expect(container.querySelector('.xz-staff-picker--error')).not.toBeNull()
  })
})
