import { pickerRefusal } from '../../src/services/pickerRefusal';

describe('why a picker did not open, said so a clerk can act on it', () => {
  it('sends a missing privacy declaration (errno 112) to the administrator, not to the phone’s settings', () => {
    const message = pickerRefusal(
      { errno: 112, errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement' },
      '相册或相机',
    );
    expect(message).toContain('隐私保护指引');
    expect(message).toContain('联系管理员');
    expect(message).not.toContain('设置');
  });

  it('sends a refused permission to the phone’s settings', () => {
    expect(pickerRefusal({ errMsg: 'chooseMedia:fail auth deny' }, '相册或相机')).toContain('设置');
  });

  it('says plainly when it does not know why', () => {
    expect(pickerRefusal(new Error('boom'), '聊天文件')).toBe('没能打开聊天文件，请稍后再试');
  });
});
